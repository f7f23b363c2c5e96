package org.inspraak.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixed text in a card template is neither HTML nor code: it cannot end the template literal or run. */
class LitTemplatesTest {

    @Test
    void textIsEscapedAsHtmlAndAsTheTemplateLiteral() {
        assertThat(LitTemplates.text("Eens")).isEqualTo("Eens");
        assertThat(LitTemplates.text("<b>\"A\" & 'b'</b>"))
                .doesNotContain("<", ">")
                .contains("&lt;b&gt;", "&amp;");
        assertThat(LitTemplates.text("`${alert(1)}`")).isEqualTo("\\`\\${alert(1)}\\`");
        assertThat(LitTemplates.text("a\\`b")).isEqualTo("a\\\\\\`b");
        assertThat(LitTemplates.text("Oneens · 3")).isEqualTo("Oneens · 3");
    }
}

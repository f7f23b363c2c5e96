package org.inspraak.ui;

import org.jsoup.nodes.Entities;

/**
 * Text written into a Lit template ({@code LitRenderer}): the template is a JavaScript template literal that the
 * browser turns into HTML, so text in it is escaped twice, as HTML and as the literal ({@code `}, {@code \} and
 * {@code ${} would end it or run code). Values that change per row go in as the row's properties instead, which Lit
 * escapes itself.
 */
public final class LitTemplates {

    private LitTemplates() {}

    public static String text(String text) {
        return Entities.escape(text).replace("\\", "\\\\").replace("`", "\\`").replace("$", "\\$");
    }
}

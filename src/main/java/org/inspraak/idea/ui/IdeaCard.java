package org.inspraak.idea.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.ui.Formats;
import org.inspraak.ui.StaticHtml;
import org.jsoup.nodes.Element;

/** The text of an idea's card in a list: title link, labels, a short excerpt, its vote figures and author. */
final class IdeaCard {

    private static final int EXCERPT = 220;

    private IdeaCard() {}

    /** As HTML, its texts escaped (see StaticHtml). */
    static String html(Component owner, IdeaSummary idea) {
        Element text = StaticHtml.element("div", "idea-card-text");
        text.appendElement("h3")
                .appendElement("a")
                .attr("href", "/ideeen/" + idea.id())
                .text(idea.title());
        text.appendChild(IdeaLabels.of(owner, idea));
        String plain = idea.description().replaceAll("[*_#>`\\[\\]]", "");
        StaticHtml.text(text, "p", plain.length() > EXCERPT ? plain.substring(0, EXCERPT) + "…" : plain, "excerpt");
        StaticHtml.text(
                text,
                "span",
                owner.getTranslation("idea.figures", idea.agree(), idea.disagree(), idea.pass(), idea.reactions()),
                "figures");
        StaticHtml.text(
                text,
                "span",
                owner.getTranslation(
                        "idea.by",
                        idea.authorName(),
                        Formats.dateTime(idea.createdAt(), UI.getCurrent().getLocale())),
                "muted");
        return text.html();
    }
}

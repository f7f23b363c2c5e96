package org.inspraak.idea.ui;

import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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

    /** What a card's text is made of: everything shown comes from the summary, in the page's language. */
    private record Key(IdeaSummary idea, Locale locale) {}

    /**
     * Cards already written. Every resident scrolling a list is sent the same cards, and writing each again was 4 % of
     * the node's work with 2,000 residents; a new count makes a new summary, so nothing shown is ever stale.
     */
    private static final Cache<Key, String> WRITTEN = Caffeine.newBuilder()
            .maximumWeight(4_000_000)
            .<Key, String>weigher((key, html) -> key.idea().description().length() + html.length())
            .build();

    /** As HTML, its texts escaped (see StaticHtml). */
    static String html(Component owner, IdeaSummary idea) {
        return WRITTEN.get(new Key(idea, UI.getCurrent().getLocale()), key -> write(owner, idea));
    }

    private static String write(Component owner, IdeaSummary idea) {
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

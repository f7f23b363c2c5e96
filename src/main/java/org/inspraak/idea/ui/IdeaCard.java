package org.inspraak.idea.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.ui.Formats;
import org.inspraak.ui.StaticHtml;
import org.jsoup.nodes.Element;

/** An idea in a list: title link, a short excerpt, labels and its vote figures. */
public class IdeaCard extends Div {

    private static final int EXCERPT = 220;

    public IdeaCard(IdeaSummary idea, List<Component> actions) {
        this(idea);
        actions.forEach(this::add);
    }

    public IdeaCard(IdeaSummary idea) {
        addClassNames("card", "idea-card");
        // Title, labels, excerpt and figures never change while the card is shown: one node (see StaticHtml).
        Element text = StaticHtml.element("div", "idea-card-text");
        text.appendElement("h3")
                .appendElement("a")
                .attr("href", "/ideeen/" + idea.id())
                .text(idea.title());
        text.appendChild(IdeaLabels.of(this, idea));
        String plain = idea.description().replaceAll("[*_#>`\\[\\]]", "");
        StaticHtml.text(text, "p", plain.length() > EXCERPT ? plain.substring(0, EXCERPT) + "…" : plain, "excerpt");
        StaticHtml.text(
                text,
                "span",
                getTranslation("idea.figures", idea.agree(), idea.disagree(), idea.pass(), idea.reactions()),
                "figures");
        StaticHtml.text(
                text,
                "span",
                getTranslation("idea.by", idea.authorName(), Formats.dateTime(idea.createdAt(), getLocale())),
                "muted");
        add(StaticHtml.of(text));
    }
}

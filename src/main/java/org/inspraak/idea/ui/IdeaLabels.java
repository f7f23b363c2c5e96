package org.inspraak.idea.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.ui.Formats;
import org.inspraak.ui.StaticHtml;
import org.jsoup.nodes.Element;

/** Theme, neighbourhood, money estimate, status and background-question mark of an idea as small badges. */
final class IdeaLabels {

    private IdeaLabels() {}

    static Element of(Component owner, IdeaSummary idea) {
        Element labels = StaticHtml.element("div", "labels");
        appendTo(labels, owner, idea);
        return labels;
    }

    /** Appends the badges to a labels element. */
    static void appendTo(Element labels, Component owner, IdeaSummary idea) {
        if (idea.themeName() != null) {
            badge(labels, idea.themeName(), "");
        }
        if (idea.neighbourhoodName() != null) {
            badge(labels, idea.neighbourhoodName(), "contrast");
        }
        if (idea.amountEuros() != null) {
            badge(
                    labels,
                    owner.getTranslation(
                            "idea.amount." + idea.amountKind().name(),
                            Formats.euros(idea.amountEuros(), UI.getCurrent().getLocale())),
                    "success");
        }
        badge(labels, owner.getTranslation("status." + idea.status().name()), "primary");
        if (idea.background()) {
            badge(labels, owner.getTranslation("idea.background"), "contrast")
                    .attr("title", owner.getTranslation("idea.background.explained"));
        }
    }

    private static Element badge(Element labels, String text, String theme) {
        return labels.appendElement("span")
                .attr("theme", theme.isEmpty() ? "badge" : "badge " + theme)
                .text(text);
    }
}

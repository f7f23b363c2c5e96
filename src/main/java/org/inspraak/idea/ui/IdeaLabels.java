package org.inspraak.idea.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.ui.Formats;

/** Theme, neighbourhood, money estimate and status of an idea as small badges. */
final class IdeaLabels {

    private IdeaLabels() {}

    static Div of(Component owner, IdeaSummary idea) {
        Div labels = new Div();
        labels.addClassName("labels");
        if (idea.themeName() != null) {
            labels.add(badge(idea.themeName(), ""));
        }
        if (idea.neighbourhoodName() != null) {
            labels.add(badge(idea.neighbourhoodName(), "contrast"));
        }
        if (idea.amountEuros() != null) {
            labels.add(badge(
                    owner.getTranslation(
                            "idea.amount." + idea.amountKind().name(),
                            Formats.euros(idea.amountEuros(), UI.getCurrent().getLocale())),
                    "success"));
        }
        labels.add(badge(owner.getTranslation("status." + idea.status().name()), "primary"));
        return labels;
    }

    private static Span badge(String text, String theme) {
        Span s = new Span(text);
        s.getElement().getThemeList().add("badge");
        if (!theme.isEmpty()) {
            s.getElement().getThemeList().add(theme);
        }
        return s;
    }
}

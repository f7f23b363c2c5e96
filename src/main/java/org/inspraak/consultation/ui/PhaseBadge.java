package org.inspraak.consultation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import org.inspraak.consultation.Phase;

/** A small label that says what residents can do now. */
public final class PhaseBadge {

    private PhaseBadge() {}

    public static Span of(Component owner, Phase phase) {
        Span badge = new Span(owner.getTranslation("phase." + phase.name()));
        badge.getElement().getThemeList().add("badge");
        if (phase.isOpen()) {
            badge.getElement().getThemeList().add("success");
        } else if (phase == Phase.CLOSED) {
            badge.getElement().getThemeList().add("contrast");
        }
        badge.addClassName("phase-badge");
        return badge;
    }
}

package org.inspraak.notification.ui;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.inspraak.notification.NotificationService;
import org.inspraak.ui.Notices;

/** "Volgen" / "Niet meer volgen" for an idea or a consultation. */
public class FollowButton extends Button {

    private final transient BooleanSupplier following;
    private final transient Consumer<Boolean> change;

    private FollowButton(BooleanSupplier following, Consumer<Boolean> change) {
        this.following = following;
        this.change = change;
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addClassName("follow-button");
        addClickListener(e -> {
            boolean next = !following.getAsBoolean();
            if (Notices.attempt(this, () -> change.accept(next))) {
                refresh();
                Notices.success(this, next ? "follow.started" : "follow.stopped");
            }
        });
        refresh();
    }

    public static FollowButton idea(NotificationService service, long ideaId) {
        FollowButton b = new FollowButton(() -> service.followsIdea(ideaId), f -> service.followIdea(ideaId, f));
        b.setId("follow-idea");
        return b;
    }

    public static FollowButton consultation(NotificationService service, long consultationId) {
        FollowButton b = new FollowButton(
                () -> service.followsConsultation(consultationId), f -> service.followConsultation(consultationId, f));
        b.setId("follow-consultation");
        return b;
    }

    private void refresh() {
        boolean on = following.getAsBoolean();
        setText(getTranslation(on ? "follow.stop" : "follow.start"));
        setIcon(on ? VaadinIcon.BELL_SLASH.create() : VaadinIcon.BELL_O.create());
        getElement().setAttribute("aria-pressed", Boolean.toString(on));
    }
}

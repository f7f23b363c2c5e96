package org.inspraak.moderation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import org.inspraak.moderation.FlagReason;
import org.inspraak.moderation.ModerationService;
import org.inspraak.moderation.ModerationService.Target;
import org.inspraak.moderation.TargetType;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.Notices;

/** "Melden": a resident reports an idea or reaction with a reason; the guidelines are one click away. */
public final class FlagDialog {

    private FlagDialog() {}

    /** A small "Melden" button that opens the dialog. */
    public static Button button(ModerationService moderation, TargetType type, long id) {
        Button b = new Button();
        b.setText(b.getTranslation("flag.button"));
        b.setIcon(VaadinIcon.FLAG_O.create());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        b.setId("flag-" + type.name().toLowerCase() + "-" + id);
        b.addClickListener(e -> open(moderation, new Target(type, id), b));
        return b;
    }

    static void open(ModerationService moderation, Target target, Button origin) {
        Dialog dialog = new Dialog(origin.getTranslation("flag.title"));
        RadioButtonGroup<FlagReason> reason = new RadioButtonGroup<>(origin.getTranslation("flag.reason"));
        reason.setItems(FlagReason.residentChoices());
        reason.setItemLabelGenerator(r -> origin.getTranslation("flag.reason." + r.name()));
        reason.setId("flag-reason");
        TextArea explanation = new TextArea(origin.getTranslation("flag.explanation"));
        explanation.setMaxLength(ModerationService.MAX_REASON);
        explanation.setWidthFull();
        explanation.setId("flag-explanation");
        Anchor guidelines = new Anchor("/richtlijnen", origin.getTranslation("flag.guidelines"));
        guidelines.setTarget("_blank");
        FormMessage message = new FormMessage();
        Button send = new Button(origin.getTranslation("flag.send"), e -> {
            if (message.attempt(() -> moderation.flag(target, reason.getValue(), explanation.getValue()))) {
                dialog.close();
                origin.setEnabled(false);
                Notices.success(origin, "flag.thanks");
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("flag-send");
        dialog.setWidth("min(32rem, 100vw)");
        dialog.add(new VerticalLayout(reason, explanation, guidelines, message));
        dialog.getFooter().add(new Button(origin.getTranslation("action.cancel"), e -> dialog.close()), send);
        dialog.open();
    }
}

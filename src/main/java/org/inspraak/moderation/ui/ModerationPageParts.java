package org.inspraak.moderation.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.inspraak.idea.IdeaPage;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.moderation.ModerationService;
import org.inspraak.moderation.TargetType;
import org.inspraak.reaction.ReactionPage;
import org.inspraak.reaction.ReactionService.ReactionView;
import org.inspraak.security.CurrentUser;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.PagePart;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reporting ideas and reactions, and locking, pinning and marking an idea as background question from its page. */
@Configuration(proxyBeanMethods = false)
class ModerationPageParts {

    @Bean
    PagePart<IdeaPage.Context> reportIdea(ModerationService moderation, CurrentUser currentUser) {
        return PagePart.of(IdeaPage.ACTIONS, 10, c -> {
            IdeaSummary idea = c.idea();
            boolean someoneElse =
                    currentUser.get().map(u -> u.id() != idea.authorId()).orElse(false);
            return someoneElse && !idea.hidden()
                    ? Optional.<Component>of(FlagDialog.button(moderation, TargetType.IDEA, idea.id()))
                    : Optional.empty();
        });
    }

    @Bean
    PagePart<ReactionView> reportReaction(ModerationService moderation, CurrentUser currentUser) {
        return PagePart.of(ReactionPage.ACTIONS, 10, r -> {
            boolean someoneElse =
                    currentUser.get().map(u -> u.id() != r.authorId()).orElse(false);
            return someoneElse && !r.deleted() && !r.hidden()
                    ? Optional.<Component>of(FlagDialog.button(moderation, TargetType.REACTION, r.id()))
                    : Optional.empty();
        });
    }

    /** Lock, pin and background question both ways, with the reason the audit log keeps. */
    @Bean
    PagePart<IdeaPage.Context> lockAndPin(ModerationService moderation) {
        return PagePart.of(IdeaPage.STAFF_TOOLS, 0, c -> {
            IdeaSummary idea = c.idea();
            UI ui = UI.getCurrent();
            FormMessage message = new FormMessage();
            TextField reason = new TextField(ui.getTranslation("moderation.reason"));
            reason.setMaxLength(ModerationService.MAX_REASON);
            reason.setWidthFull();
            reason.setId("idea-moderation-reason");
            Button lock = new Button(ui.getTranslation(idea.locked() ? "moderation.unlock" : "moderation.lock"), e -> {
                if (message.attempt(() -> moderation.lock(idea.id(), !idea.locked(), reason.getValue()))) {
                    ui.navigate("ideeen/" + idea.id());
                }
            });
            lock.setId("idea-lock");
            Button pin = new Button(ui.getTranslation(idea.pinned() ? "moderation.unpin" : "moderation.pin"), e -> {
                if (message.attempt(() -> moderation.pin(idea.id(), !idea.pinned(), reason.getValue()))) {
                    ui.navigate("ideeen/" + idea.id());
                }
            });
            pin.setId("idea-pin");
            Button background = new Button(
                    ui.getTranslation(idea.background() ? "moderation.not-background" : "moderation.background"), e -> {
                        if (message.attempt(
                                () -> moderation.markBackground(idea.id(), !idea.background(), reason.getValue()))) {
                            ui.navigate("ideeen/" + idea.id());
                        }
                    });
            background.setId("idea-background");
            background.setTooltipText(ui.getTranslation("idea.background.explained"));
            HorizontalLayout buttons = new HorizontalLayout(lock, pin, background);
            buttons.setWrap(true);
            VerticalLayout tools = new VerticalLayout(reason, buttons, message);
            tools.setPadding(false);
            return Optional.of(tools);
        });
    }
}

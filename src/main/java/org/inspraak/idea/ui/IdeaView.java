package org.inspraak.idea.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import org.inspraak.idea.IdeaStatus;
import org.inspraak.moderation.ModerationService;
import org.inspraak.moderation.TargetType;
import org.inspraak.moderation.WebcareService;
import org.inspraak.moderation.ui.FlagDialog;
import org.inspraak.notification.NotificationService;
import org.inspraak.notification.ui.FollowButton;
import org.inspraak.ui.FormMessage;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.reaction.ReactionService;
import org.inspraak.reaction.ui.ReactionThread;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.Role;
import org.inspraak.ui.Formats;
import org.inspraak.ui.Live;
import org.inspraak.ui.Markdown;
import org.inspraak.vote.VoteService;
import org.inspraak.vote.ui.VoteButtons;

/** One idea: what it proposes, its votes, its status timeline and the conversation about it. */
@Route("ideeen/:id")
@AnonymousAllowed
class IdeaView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient IdeaService ideas;
    private final transient ConsultationService consultations;
    private final transient VoteService votes;
    private final transient ReactionService reactions;
    private final transient CurrentUser currentUser;
    private final transient Live live;
    private final transient IdeaEditor.Factory editors;
    private final transient NotificationService notifications;
    private final transient ModerationService moderation;
    private final transient WebcareService webcare;
    private String title = "";

    IdeaView(IdeaService ideas, ConsultationService consultations, VoteService votes, ReactionService reactions,
             CurrentUser currentUser, Live live, IdeaEditor.Factory editors, NotificationService notifications,
             ModerationService moderation, WebcareService webcare) {
        this.webcare = webcare;
        this.moderation = moderation;
        this.notifications = notifications;
        this.editors = editors;
        this.ideas = ideas;
        this.consultations = consultations;
        this.votes = votes;
        this.reactions = reactions;
        this.currentUser = currentUser;
        this.live = live;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElseThrow(NotFoundException::new);
        IdeaSummary idea = ideas.find(id).orElseThrow(NotFoundException::new);
        ConsultationDetails consultation = consultations.find(idea.consultationId()).orElseThrow(NotFoundException::new);
        title = idea.title();
        removeAll();
        boolean staff = currentUser.get().map(org.inspraak.security.InspraakUser::isStaff).orElse(false);
        boolean mine = currentUser.get().map(u -> u.id() == idea.authorId()).orElse(false);
        boolean awaitingApproval = idea.hidden() && IdeaService.PENDING.equals(idea.hiddenReason());
        if (idea.hidden() && !staff && !(mine && awaitingApproval)) {
            // The public sees that something was removed and why, never the removed text.
            add(new H1(getTranslation("moderation.hidden-idea.title")));
            if (idea.mergedInto() != null) {
                add(new Paragraph(getTranslation("moderation.merged-into")),
                        new Anchor("/ideeen/" + idea.mergedInto(), getTranslation("moderation.merged-link")));
            } else {
                add(new Paragraph(awaitingApproval ? getTranslation("moderation.stub.awaiting")
                        : ModerationService.AUTO_HIDDEN.equals(idea.hiddenReason()) ? getTranslation("moderation.stub.pending")
                        : getTranslation("moderation.stub.hidden", idea.hiddenReason())));
            }
            add(new Anchor("/gesprekken/" + idea.consultationId(), getTranslation("moderation.back")));
            return;
        }
        Anchor back = new Anchor("/gesprekken/" + consultation.id(), "← " + consultation.title());
        back.addClassName("back-link");
        H1 heading = new H1(idea.title());
        Span by = new Span(getTranslation("idea.by", idea.authorName(), Formats.dateTime(idea.createdAt(), getLocale())));
        by.addClassName("muted");
        Div body = new Div(new Html("<div>" + Markdown.userHtml(idea.description()) + "</div>"));
        body.addClassName("idea-body");
        boolean canVote = consultation.phase().acceptsVotes() && currentUser.has(Role.RESIDENT);
        VoteButtons voteButtons = new VoteButtons(votes, id, () -> ideas.find(id).orElse(null), canVote);
        add(back, heading, IdeaLabels.of(this, idea), by, body);
        if (idea.moderatorEdited()) {
            Span mark = new Span(getTranslation("moderation.edited-mark"));
            mark.addClassName("muted");
            add(mark);
        }
        if (idea.hidden()) {
            Paragraph hiddenNote = new Paragraph(getTranslation(awaitingApproval && mine && !staff
                    ? "moderation.own-awaiting" : "moderation.staff-sees-hidden"));
            hiddenNote.addClassNames("form-message", "error");
            add(hiddenNote);
        }
        if (currentUser.get().map(u -> u.id() != idea.authorId()).orElse(false) && !idea.hidden()) {
            add(FlagDialog.button(moderation, TargetType.IDEA, id));
        }
        if (currentUser.get().isPresent()) {
            add(FollowButton.idea(notifications, id));
        }
        if (ideas.canEdit(id)) {
            Button edit = new Button(getTranslation("idea.edit"), VaadinIcon.EDIT.create(),
                    e -> editors.openEdit(consultation.id(), id, saved -> getUI().ifPresent(ui -> ui.getPage().reload())));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            edit.setId("edit-idea");
            add(edit);
        }
        add(voteButtons);
        if (!consultation.phase().acceptsVotes()) {
            add(new Paragraph(getTranslation("vote.closed")));
        } else if (currentUser.get().isEmpty()) {
            add(new Anchor("/login", getTranslation("vote.login-to-vote")));
        }
        add(statusTimeline(id));
        if (currentUser.get().map(org.inspraak.security.InspraakUser::isStaff).orElse(false)) {
            add(statusEditor(idea));
        }
        add(new ReactionThread(reactions, moderation, webcare, currentUser, live, id,
                consultation.phase().acceptsReactions() && !idea.locked()));
        if (idea.locked()) {
            add(new Paragraph(getTranslation("moderation.locked")));
        }
        live.subscribe(voteButtons, VoteService.VotesCounted.class, e -> {
            if (e.ideaIds().contains(id)) {
                voteButtons.refresh();
            }
        });
    }

    private Component statusTimeline(long ideaId) {
        Div section = new Div(new H2(getTranslation("idea.timeline")));
        section.addClassName("status-timeline");
        OrderedList steps = new OrderedList();
        for (IdeaService.StatusStep step : ideas.timeline(ideaId)) {
            ListItem item = new ListItem(new Span(getTranslation("status." + step.status().name())),
                    new Span(" · " + Formats.dateTime(step.at(), getLocale())));
            if (!step.explanation().isBlank()) {
                item.add(new Paragraph(step.explanation()));
            }
            steps.add(item);
        }
        section.add(steps);
        return section;
    }

    /** Staff move an idea along its public timeline; every step needs an explanation. */
    private Component statusEditor(IdeaSummary idea) {
        Select<IdeaStatus> status = new Select<>();
        status.setLabel(getTranslation("idea.status.new"));
        status.setItems(IdeaStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("status." + s.name()));
        status.setValue(idea.status());
        status.setId("status-select");
        TextArea explanation = new TextArea(getTranslation("idea.status.explanation"));
        explanation.setMaxLength(2000);
        explanation.setWidthFull();
        explanation.setId("status-explanation");
        FormMessage message = new FormMessage();
        Button save = new Button(getTranslation("idea.status.save"), e -> {
            if (message.attempt(() -> ideas.setStatus(idea.id(), status.getValue(), explanation.getValue()))) {
                getUI().ifPresent(ui -> ui.navigate("ideeen/" + idea.id()));
            }
        });
        save.setId("status-save");
        // Lock and pin both ways, with the reason the audit log keeps (unlock and unpin were missing).
        com.vaadin.flow.component.textfield.TextField reason = new com.vaadin.flow.component.textfield.TextField(
                getTranslation("moderation.reason"));
        reason.setMaxLength(ModerationService.MAX_REASON);
        reason.setWidthFull();
        reason.setId("idea-moderation-reason");
        Button lock = new Button(getTranslation(idea.locked() ? "moderation.unlock" : "moderation.lock"), e -> {
            if (message.attempt(() -> moderation.lock(idea.id(), !idea.locked(), reason.getValue()))) {
                getUI().ifPresent(ui -> ui.navigate("ideeen/" + idea.id()));
            }
        });
        lock.setId("idea-lock");
        Button pin = new Button(getTranslation(idea.pinned() ? "moderation.unpin" : "moderation.pin"), e -> {
            if (message.attempt(() -> moderation.pin(idea.id(), !idea.pinned(), reason.getValue()))) {
                getUI().ifPresent(ui -> ui.navigate("ideeen/" + idea.id()));
            }
        });
        pin.setId("idea-pin");
        com.vaadin.flow.component.orderedlayout.HorizontalLayout lockPin =
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(lock, pin);
        lockPin.setWrap(true);
        VerticalLayout form = new VerticalLayout(status, explanation, save, reason, lockPin, message);
        form.setPadding(false);
        Details details = new Details(getTranslation("idea.status.change"), form);
        details.addClassName("staff-panel");
        return details;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

package org.inspraak.idea.ui;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.idea.IdeaPage;
import org.inspraak.idea.IdeaPhotos;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.idea.IdeaStatus;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.Formats;
import org.inspraak.ui.Markdown;
import org.inspraak.ui.Notices;
import org.inspraak.ui.PageParts;
import org.inspraak.ui.PlaceMaps;
import org.inspraak.ui.StaticHtml;
import org.inspraak.ui.Uploads;
import org.jsoup.nodes.Element;

/** One idea: what it proposes, its votes, its status timeline and the conversation about it. */
@Route("ideeen/:id(\\d{1,18})")
@AnonymousAllowed
class IdeaView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    private final transient IdeaService ideas;
    private final transient ConsultationService consultations;
    private final transient CurrentUser currentUser;
    private final transient IdeaEditor.Factory editors;
    private final transient PageParts parts;
    private final transient IdeaPhotos photos;
    private final transient PlaceMaps maps;
    private String title = "";
    private long ideaId;

    IdeaView(
            PlaceMaps maps,
            IdeaPhotos photos,
            IdeaService ideas,
            ConsultationService consultations,
            CurrentUser currentUser,
            IdeaEditor.Factory editors,
            PageParts parts) {
        this.ideas = ideas;
        this.consultations = consultations;
        this.currentUser = currentUser;
        this.editors = editors;
        this.parts = parts;
        this.photos = photos;
        this.maps = maps;
        addClassName("page");
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        ListReturn.leavingIdea(event.getUI(), ideaId, event.getLocation());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElseThrow(NotFoundException::new);
        ideaId = id;
        IdeaSummary idea = ideas.find(id).orElseThrow(NotFoundException::new);
        ConsultationDetails consultation =
                consultations.find(idea.consultationId()).orElseThrow(NotFoundException::new);
        removeAll();
        boolean staff = currentUser.get().map(InspraakUser::isStaff).orElse(false);
        boolean mine = currentUser.get().map(u -> u.id() == idea.authorId()).orElse(false);
        boolean awaitingApproval = idea.hidden() && IdeaService.PENDING.equals(idea.hiddenReason());
        if (idea.hidden() && !staff && !(mine && awaitingApproval)) {
            // The public sees that something was removed and why, never the removed text (nor in the tab title).
            title = getTranslation("moderation.hidden-idea.title");
            add(new H1(title));
            if (idea.mergedInto() != null) {
                add(
                        new Paragraph(getTranslation("moderation.merged-into")),
                        new Anchor("/ideeen/" + idea.mergedInto(), getTranslation("moderation.merged-link")));
            } else {
                add(new Paragraph(
                        awaitingApproval
                                ? getTranslation("moderation.stub.awaiting")
                                : IdeaService.AUTO_HIDDEN.equals(idea.hiddenReason())
                                        ? getTranslation("moderation.stub.pending")
                                        : getTranslation("moderation.stub.hidden", idea.hiddenReason())));
            }
            add(new Anchor("/gesprekken/" + idea.consultationId(), getTranslation("moderation.back")));
            return;
        }
        title = idea.title();
        Component back = StaticHtml.of(StaticHtml.element("a", "back-link")
                .attr("href", "/gesprekken/" + consultation.id())
                .text("← " + consultation.title()));
        H1 heading = new H1(idea.title());
        // Read-only parts as one node each (see StaticHtml).
        Component by = StaticHtml.of(StaticHtml.element("span", "muted")
                .text(getTranslation("idea.by", idea.authorName(), Formats.dateTime(idea.createdAt(), getLocale()))));
        Component body = StaticHtml.safe("div", "idea-body", Markdown.userHtml(idea.description()));
        IdeaPage.Context context = new IdeaPage.Context(idea, consultation);
        add(back, heading, StaticHtml.of(IdeaLabels.of(this, idea)), by, body);
        // Empty sections would still cost an element each and a gap in the layout.
        for (Component section :
                List.of(photos(idea, consultation, mine, staff), place(idea, consultation, mine || staff))) {
            if (section.getChildren().findAny().isPresent()) {
                add(section);
            }
        }
        if (idea.background()) {
            Paragraph background = new Paragraph(getTranslation("idea.background.explained"));
            background.addClassName("muted");
            background.setId("background-explained");
            add(background);
        }
        if (idea.moderatorEdited()) {
            Span mark = new Span(getTranslation("moderation.edited-mark"));
            mark.addClassName("muted");
            add(mark);
        }
        if (idea.hidden()) {
            Paragraph hiddenNote = new Paragraph(getTranslation(
                    awaitingApproval && mine && !staff ? "moderation.own-awaiting" : "moderation.staff-sees-hidden"));
            hiddenNote.addClassNames("form-message", "error");
            add(hiddenNote);
        }
        parts.create(IdeaPage.ACTIONS, context).forEach(this::add);
        // Only the author may edit: asking for anyone else read the idea once more on every page.
        if (mine && ideas.canEdit(id)) {
            Button edit = new Button(
                    getTranslation("idea.edit"),
                    VaadinIcon.EDIT.create(),
                    e -> editors.openEdit(
                            consultation.id(),
                            id,
                            saved -> getUI().ifPresent(ui -> ui.getPage().reload())));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            edit.setId("edit-idea");
            add(edit);
        }
        parts.create(IdeaPage.VOTES, context).forEach(this::add);
        if (!consultation.phase().acceptsVotes()) {
            add(new Paragraph(getTranslation("vote.closed")));
        } else if (currentUser.get().isEmpty()) {
            add(new Anchor("/login", getTranslation("vote.login-to-vote")));
        }
        add(statusTimeline(id));
        if (currentUser.get().map(InspraakUser::isStaff).orElse(false)) {
            add(statusEditor(context));
        }
        parts.create(IdeaPage.DISCUSSION, context).forEach(this::add);
        if (idea.locked()) {
            add(new Paragraph(getTranslation("moderation.locked")));
        }
    }

    /** The idea's photos; its author adds them (with a text alternative), the author or staff remove them. */
    private Component photos(IdeaSummary idea, ConsultationDetails consultation, boolean mine, boolean staff) {
        Div section = new Div();
        section.addClassName("idea-photos");
        section.setId("idea-photos");
        List<IdeaPhotos.Photo> list = photos.of(idea.id());
        for (IdeaPhotos.Photo p : list) {
            Image img = new Image(p.url(), p.altText());
            img.setWidth(Math.min(p.width(), 640) + "px");
            img.addClassName("idea-photo");
            Div figure = new Div(img);
            figure.addClassName("idea-photo-frame");
            if (mine || staff) {
                Button remove = new Button(getTranslation("photo.remove"), VaadinIcon.TRASH.create(), e -> {
                    if (Notices.attempt(this, () -> photos.remove(p.id()))) {
                        getUI().ifPresent(ui -> ui.getPage().reload());
                    }
                });
                remove.addThemeVariants(
                        ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                figure.add(remove);
            }
            section.add(figure);
        }
        if (mine && consultation.phase().acceptsReactions() && list.size() < IdeaPhotos.MAX_PHOTOS) {
            AtomicReference<byte[]> uploaded = new AtomicReference<>();
            Upload upload = Uploads.translated(
                    new Upload(Uploads.inMemory(IdeaPhotos.MAX_UPLOAD, (meta, bytes) -> uploaded.set(bytes))));
            upload.setAcceptedFileTypes("image/jpeg", "image/png", ".jpg", ".jpeg", ".png");
            upload.setMaxFiles(1);
            upload.setMaxFileSize(IdeaPhotos.MAX_UPLOAD);
            upload.setId("photo-upload");
            TextField alt = new TextField(getTranslation("photo.alt"));
            alt.setHelperText(getTranslation("photo.alt-help"));
            alt.setMaxLength(IdeaPhotos.MAX_ALT);
            alt.setWidthFull();
            alt.setId("photo-alt");
            FormMessage message = new FormMessage();
            Button add = new Button(getTranslation("photo.add"), e -> {
                if (uploaded.get() == null) {
                    message.error(getTranslation("error.photo.none"));
                } else if (message.attempt(() -> photos.add(idea.id(), uploaded.get(), alt.getValue()))) {
                    getUI().ifPresent(ui -> ui.getPage().reload());
                }
            });
            add.setId("photo-add");
            VerticalLayout form = new VerticalLayout(
                    new Paragraph(getTranslation("photo.intro", IdeaPhotos.MAX_PHOTOS)), upload, alt, add, message);
            form.setPadding(false);
            Details details = new Details(getTranslation("photo.title"), form);
            details.addClassName("photo-form");
            section.add(details);
        }
        return section;
    }

    /** Where the idea is, on a map; its author points it out with a click (optional). */
    private Component place(IdeaSummary idea, ConsultationDetails consultation, boolean mayEdit) {
        Div section = new Div();
        section.addClassName("idea-place");
        section.setId("idea-place");
        Optional<IdeaService.Place> place = ideas.place(idea.id());
        if (place.isPresent()) {
            section.add(
                    new H2(getTranslation("place.title")),
                    maps.create(
                            place.get().latitude(),
                            place.get().longitude(),
                            getTranslation("place.map-label", idea.title()),
                            null));
        }
        if (mayEdit && consultation.phase().acceptsReactions()) {
            AtomicReference<IdeaService.Place> picked = new AtomicReference<>();
            FormMessage message = new FormMessage();
            Paragraph chosen = new Paragraph(getTranslation("place.pick-help"));
            chosen.setId("place-chosen");
            Button save = new Button(getTranslation("place.save"), e -> {
                if (picked.get() == null) {
                    message.error(getTranslation("place.none-picked"));
                } else if (message.attempt(() -> ideas.setPlace(idea.id(), picked.get()))) {
                    getUI().ifPresent(ui -> ui.getPage().reload());
                }
            });
            save.setId("place-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            VerticalLayout form = new VerticalLayout(
                    chosen,
                    maps.create(
                            place.map(IdeaService.Place::latitude).orElse(null),
                            place.map(IdeaService.Place::longitude).orElse(null),
                            getTranslation("place.pick-label"),
                            (lat, lon) -> {
                                picked.set(new IdeaService.Place(lat, lon));
                                chosen.setText(getTranslation("place.picked"));
                            }),
                    save);
            if (place.isPresent()) {
                Button clear = new Button(getTranslation("place.clear"), e -> {
                    if (message.attempt(() -> ideas.setPlace(idea.id(), null))) {
                        getUI().ifPresent(ui -> ui.getPage().reload());
                    }
                });
                clear.setId("place-clear");
                clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                form.add(clear);
            }
            form.add(message);
            form.setPadding(false);
            Details details = new Details(getTranslation(place.isPresent() ? "place.change" : "place.add"), form);
            details.setId("place-details");
            section.add(details);
        }
        return section;
    }

    private Component statusTimeline(long ideaId) {
        Element section = StaticHtml.element("div", "status-timeline");
        StaticHtml.text(section, "h2", getTranslation("idea.timeline"));
        Element steps = section.appendElement("ol");
        for (IdeaService.StatusStep step : ideas.timeline(ideaId)) {
            Element item = steps.appendElement("li");
            StaticHtml.text(
                    item, "span", getTranslation("status." + step.status().name()));
            StaticHtml.text(
                    item,
                    "span",
                    " · "
                            + (step.effectiveOn() != null
                                    ? Formats.date(step.effectiveOn(), getLocale())
                                    : Formats.dateTime(step.at(), getLocale())));
            if (!step.explanation().isBlank()) {
                StaticHtml.text(item, "p", step.explanation());
            }
            if (step.department() != null) {
                StaticHtml.text(item, "p", getTranslation("outcome.decision.department", step.department()), "muted");
            }
        }
        return StaticHtml.of(section);
    }

    /** Staff move an idea along its public timeline; every step needs an explanation. */
    private Component statusEditor(IdeaPage.Context context) {
        IdeaSummary idea = context.idea();
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
        TextField department = new TextField(getTranslation("idea.status.department"));
        department.setMaxLength(IdeaService.MAX_DEPARTMENT);
        department.setWidthFull();
        department.setId("status-department");
        DatePicker date = new DatePicker(getTranslation("idea.status.date"));
        date.setHelperText(getTranslation("idea.status.date-help"));
        date.setId("status-date");
        FormMessage message = new FormMessage();
        Button save = new Button(getTranslation("idea.status.save"), e -> {
            if (message.attempt(() -> ideas.setStatus(
                    idea.id(), status.getValue(), explanation.getValue(), department.getValue(), date.getValue()))) {
                getUI().ifPresent(ui -> ui.navigate("ideeen/" + idea.id()));
            }
        });
        save.setId("status-save");
        VerticalLayout form = new VerticalLayout(status, explanation, department, date, save, message);
        parts.create(IdeaPage.STAFF_TOOLS, context).forEach(form::add);
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

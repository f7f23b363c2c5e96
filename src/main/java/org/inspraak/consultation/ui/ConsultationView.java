package org.inspraak.consultation.ui;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.consultation.Phase;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.idea.IdeaSort;
import org.inspraak.idea.ui.IdeaCard;
import org.inspraak.idea.ui.IdeaEditor;
import org.inspraak.notification.NotificationService;
import org.inspraak.notification.ui.FollowButton;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.Role;
import org.inspraak.ui.Formats;
import org.inspraak.ui.Live;
import org.inspraak.ui.Markdown;

/** One Stadsgesprek: the question, its background and phases, and its ideas. */
@Route("gesprekken/:id")
@AnonymousAllowed
class ConsultationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final String SEED = "inspraak.random-seed";

    private final transient ConsultationService consultations;
    private final transient IdeaService ideas;
    private final transient CurrentUser currentUser;
    private final transient Live live;
    private final transient IdeaEditor.Factory editors;
    private final transient NotificationService notifications;
    private final transient org.inspraak.notification.ContentCalendarService calendar;
    private String title = "";

    ConsultationView(ConsultationService consultations, IdeaService ideas, CurrentUser currentUser, Live live,
                     IdeaEditor.Factory editors, NotificationService notifications,
                     org.inspraak.notification.ContentCalendarService calendar) {
        this.calendar = calendar;
        this.notifications = notifications;
        this.consultations = consultations;
        this.ideas = ideas;
        this.currentUser = currentUser;
        this.live = live;
        this.editors = editors;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElseThrow(NotFoundException::new);
        ConsultationDetails c = consultations.find(id).orElseThrow(NotFoundException::new);
        title = c.title();
        removeAll();
        H1 heading = new H1(c.title());
        Paragraph question = new Paragraph(c.question());
        question.addClassName("question");
        add(heading, PhaseBadge.of(this, c.phase()), question);
        if (currentUser.get().isPresent()) {
            add(FollowButton.consultation(notifications, c.id()));
        }
        if (currentUser.has(Role.MODERATOR) || currentUser.has(Role.ADMIN) || currentUser.has(Role.COUNCIL_MEMBER)) {
            HorizontalLayout staffLinks = new HorizontalLayout(new Anchor("gesprekken/" + c.id() + "/inzichten",
                    getTranslation("nav.insights")), new Anchor("gesprekken/" + c.id() + "/evaluatie",
                    getTranslation("nav.evaluation")));
            staffLinks.setWrap(true);
            if (currentUser.has(Role.MODERATOR) || currentUser.has(Role.ADMIN)) {
                staffLinks.add(new Anchor("gesprekken/" + c.id() + "/samenvatting", getTranslation("nav.summary")));
                staffLinks.add(new Anchor("gesprekken/" + c.id() + "/agenda", getTranslation("nav.calendar")));
            }
            staffLinks.addClassName("staff-links");
            add(staffLinks);
        }
        if (c.budgetKind() != null) {
            Paragraph budget = new Paragraph(getTranslation("consultation.budget." + c.budgetKind().name(),
                    Formats.euros(c.budgetAmountEuros(), getLocale())));
            budget.addClassName("budget-target");
            add(budget);
            Anchor ballot = new Anchor("gesprekken/" + c.id() + "/begroting", getTranslation("ballot.link"));
            ballot.addClassName("ballot-link");
            add(ballot);
        }
        add(timeline(c));
        add(org.inspraak.notification.ui.UpdatesPanel.of(this, calendar, c.id(), getLocale()));
        if (!c.targetGroups().isEmpty()) {
            Paragraph groups = new Paragraph(getTranslation("consultation.target-groups", String.join(", ", c.targetGroups())));
            groups.addClassName("target-groups");
            add(groups);
        }
        if (!c.background().isBlank()) {
            Div background = new Div(new Html("<div>" + Markdown.staffHtml(c.background()) + "</div>"));
            background.addClassName("background");
            add(new H2(getTranslation("consultation.background")), background);
        }
        if (c.attribution() != null && !c.attribution().isBlank()) {
            Paragraph attribution = new Paragraph(c.attribution());
            attribution.addClassName("attribution");
            add(attribution);
        }
        add(ideasSection(c));
    }

    private Component timeline(ConsultationDetails c) {
        OrderedList steps = new OrderedList();
        steps.addClassName("timeline");
        steps.getElement().setAttribute("aria-label", getTranslation("consultation.timeline"));
        record Step(Phase phase, java.time.LocalDate from) {
        }
        for (Step s : List.of(new Step(Phase.IDEAS, c.ideasFrom()), new Step(Phase.VOTING, c.votingFrom()),
                new Step(Phase.SUMMARISING, c.summarisingFrom()), new Step(Phase.CLOSED, c.closedFrom()))) {
            ListItem item = new ListItem(new Span(getTranslation("phase." + s.phase().name())),
                    new Span(Formats.date(s.from(), getLocale())));
            if (s.phase() == c.phase()) {
                item.addClassName("current");
                item.getElement().setAttribute("aria-current", "step");
            }
            steps.add(item);
        }
        return steps;
    }

    private Component ideasSection(ConsultationDetails c) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.addClassName("ideas-section");
        long total = ideas.count(c.id());
        H2 heading = new H2(getTranslation("consultation.ideas", total));
        Select<IdeaSort> sort = new Select<>();
        sort.setLabel(getTranslation("consultation.sort"));
        sort.setItems(IdeaSort.values());
        sort.setItemLabelGenerator(s -> getTranslation("sort." + s.name()));
        sort.setValue(IdeaSort.NEWEST);
        sort.setId("idea-sort");

        long seed = visitorSeed();
        VirtualList<IdeaSummary> list = new VirtualList<>();
        list.addClassName("idea-list");
        list.setRenderer(new ComponentRenderer<>(idea -> new IdeaCard(idea)));
        list.setDataProvider(com.vaadin.flow.data.provider.DataProvider.<IdeaSummary>fromCallbacks(
                q -> ideas.list(c.id(), sort.getValue(), seed, q.getOffset(), q.getLimit()).stream(),
                q -> (int) ideas.count(c.id())));
        list.getElement().setAttribute("aria-label", getTranslation("consultation.ideas-list"));
        sort.addValueChangeListener(e -> list.getDataProvider().refreshAll());

        HorizontalLayout tools = new HorizontalLayout(sort);
        tools.setAlignItems(Alignment.BASELINE);
        tools.setWrap(true);
        if (c.phase().acceptsIdeas()) {
            if (currentUser.has(Role.RESIDENT)) {
                Button post = new Button(getTranslation("idea.new"));
                post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                post.setId("new-idea");
                post.addClickListener(e -> editors.open(c.id(), id -> getUI().ifPresent(ui -> ui.navigate("ideeen/" + id))));
                tools.addComponentAsFirst(post);
            } else if (currentUser.get().isEmpty()) {
                tools.addComponentAsFirst(new Anchor("/login", getTranslation("idea.login-to-post")));
            }
        }
        section.add(heading, tools, list);
        section.setFlexGrow(1, list);
        list.setHeight("70vh");

        live.subscribe(list, IdeaService.IdeaChanged.class, e -> {
            if (e.consultationId() == c.id()) {
                heading.setText(getTranslation("consultation.ideas", ideas.count(c.id())));
                list.getDataProvider().refreshAll();
            }
        });
        live.subscribe(list, org.inspraak.vote.VoteService.VotesCounted.class, e -> {
            if (e.consultationId() == c.id()) {
                list.getDataProvider().refreshAll();
            }
        });
        return section;
    }

    /** The "fair random" order stays the same for one visitor, so paging and returning do not reshuffle. */
    private static long visitorSeed() {
        VaadinSession session = VaadinSession.getCurrent();
        Object seed = session.getAttribute(SEED);
        if (seed == null) {
            seed = ThreadLocalRandom.current().nextLong(1, 1_000_000);
            session.setAttribute(SEED, seed);
        }
        return (Long) seed;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

package org.inspraak.consultation.ui;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.inspraak.consultation.ConsultationPage;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.consultation.OutcomeService;
import org.inspraak.consultation.Phase;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.Role;
import org.inspraak.ui.Formats;
import org.inspraak.ui.Markdown;
import org.inspraak.ui.PageParts;
import org.inspraak.ui.ShareLinks;
import org.inspraak.ui.StaticHtml;
import org.jsoup.nodes.Element;

/** One Stadsgesprek: the question, its background and phases, and its ideas. */
@Route("gesprekken/:id(\\d{1,18})")
@AnonymousAllowed
class ConsultationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ConsultationService consultations;
    private final transient CurrentUser currentUser;
    private final transient PageParts parts;
    private final transient OutcomeService outcomes;
    private final transient ShareLinks share;
    private String title = "";

    ConsultationView(
            ConsultationService consultations,
            CurrentUser currentUser,
            PageParts parts,
            OutcomeService outcomes,
            ShareLinks share) {
        this.consultations = consultations;
        this.outcomes = outcomes;
        this.share = share;
        this.currentUser = currentUser;
        this.parts = parts;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElseThrow(NotFoundException::new);
        ConsultationDetails c = consultations.findVisible(id).orElseThrow(NotFoundException::new);
        title = c.title();
        removeAll();
        H1 heading = new H1(c.title());
        Paragraph question = new Paragraph(c.question());
        question.addClassName("question");
        add(heading);
        if (!c.published()) {
            // Staff preview a draft exactly as residents will see it, with this one line above it.
            Paragraph draft = new Paragraph(
                    c.publishedFrom() == null
                            ? getTranslation("consultation.draft")
                            : getTranslation("consultation.planned", Formats.dateTime(c.publishedFrom(), getLocale())));
            draft.addClassName("draft-banner");
            draft.setId("draft-banner");
            add(draft);
        }
        add(PhaseBadge.of(this, c.phase()), question);
        if (c.phase() == Phase.SUMMARISING || c.phase() == Phase.CLOSED) {
            boolean published = outcomes.published(c.id()).isPresent();
            Anchor outcome = new Anchor(
                    "gesprekken/" + c.id() + "/uitkomst",
                    getTranslation(published ? "outcome.link" : "outcome.link.pending"));
            outcome.addClassNames("outcome-link", published ? "published" : "pending");
            outcome.setId("outcome-link");
            add(outcome);
        }
        if (c.phase().isOpen() && !seenExplanation()) {
            add(explanation());
        }
        parts.create(ConsultationPage.ACTIONS, c).forEach(this::add);
        if (c.published()) {
            add(share.of(this, "/gesprekken/" + c.id(), c.title()));
        }
        if (currentUser.has(Role.MODERATOR) || currentUser.has(Role.ADMIN) || currentUser.has(Role.COUNCIL_MEMBER)) {
            HorizontalLayout staffLinks = new HorizontalLayout(
                    new Anchor("gesprekken/" + c.id() + "/inzichten", getTranslation("nav.insights")),
                    new Anchor("gesprekken/" + c.id() + "/evaluatie", getTranslation("nav.evaluation")));
            staffLinks.setWrap(true);
            if (currentUser.has(Role.MODERATOR) || currentUser.has(Role.ADMIN)) {
                staffLinks.add(new Anchor("gesprekken/" + c.id() + "/samenvatting", getTranslation("nav.summary")));
                staffLinks.add(new Anchor("gesprekken/" + c.id() + "/agenda", getTranslation("nav.calendar")));
            }
            staffLinks.addClassName("staff-links");
            add(staffLinks);
        }
        if (c.budgetKind() != null) {
            Paragraph budget = new Paragraph(getTranslation(
                    "consultation.budget." + c.budgetKind().name(), Formats.euros(c.budgetAmountEuros(), getLocale())));
            budget.addClassName("budget-target");
            add(budget);
            add(ballotLink(c));
        }
        add(timeline(c));
        parts.create(ConsultationPage.UPDATES, c).forEach(this::add);
        if (!c.targetGroups().isEmpty()) {
            Paragraph groups =
                    new Paragraph(getTranslation("consultation.target-groups", String.join(", ", c.targetGroups())));
            groups.addClassName("target-groups");
            add(groups);
        }
        if (!c.background().isBlank()) {
            Component background = StaticHtml.safe("div", "background", Markdown.staffHtml(c.background()));
            add(new H2(getTranslation("consultation.background")), background);
        }
        if (c.attribution() != null && !c.attribution().isBlank()) {
            Paragraph attribution = new Paragraph(c.attribution());
            attribution.addClassName("attribution");
            add(attribution);
        }
        parts.create(ConsultationPage.MAIN, c).forEach(this::add);
        Anchor feed = new Anchor("/feeds/gesprekken/" + c.id() + ".atom", getTranslation("feed.link"));
        // Not a view: the browser loads it, Vaadin's router must not.
        feed.getElement().setAttribute("router-ignore", true);
        feed.addClassName("feed-link");
        add(feed);
    }

    private static final String EXPLAINED = "inspraak-uitleg";

    /** Whether this browser has closed the explanation before (a functional cookie, nothing personal). */
    private static boolean seenExplanation() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request != null
                && request.getCookies() != null
                && Arrays.stream(request.getCookies()).anyMatch(k -> EXPLAINED.equals(k.getName()));
    }

    /** How taking part works, in the words of the buttons, until the visitor says they have read it. */
    private Component explanation() {
        Div box = new Div();
        box.addClassName("first-visit");
        box.setId("first-visit");
        box.getElement().setAttribute("role", "region");
        box.getElement().setAttribute("aria-label", getTranslation("first-visit.title"));
        Element list = StaticHtml.element("ol");
        String post = currentUser.get().isPresent() ? "first-visit.post-signed-in" : "first-visit.post";
        for (String key : List.of("first-visit.read", "first-visit.vote", post, "first-visit.outcome")) {
            StaticHtml.text(list, "li", getTranslation(key));
        }
        Component steps = StaticHtml.of(list);
        Button done = new Button(getTranslation("first-visit.done"), e -> {
            // Remembered in this browser for a year; the box does not come back on every page.
            // On the page, not the box: a hidden element's pending JavaScript is never sent.
            e.getSource()
                    .getUI()
                    .ifPresent(ui -> ui.getPage()
                            .executeJs(
                                    "document.cookie = $0 + '=1; max-age=31536000; path=/; SameSite=Lax'", EXPLAINED));
            box.setVisible(false);
        });
        done.setId("first-visit-done");
        done.addThemeVariants(ButtonVariant.LUMO_SMALL);
        box.add(new H2(getTranslation("first-visit.title")), steps, done);
        return box;
    }

    /** Only a link into a phase that is open: before voting it says when, after voting it leads to the results. */
    private Component ballotLink(ConsultationDetails c) {
        Component link = switch (c.phase()) {
            case VOTING -> new Anchor("gesprekken/" + c.id() + "/begroting", getTranslation("ballot.link"));
            case UPCOMING, IDEAS ->
                new Paragraph(getTranslation("ballot.link.later", Formats.date(c.votingFrom(), getLocale())));
            case SUMMARISING, CLOSED ->
                new Anchor(
                        "gesprekken/" + c.id() + "/uitkomst#uitslag-begroting", getTranslation("ballot.link.results"));
        };
        link.getElement().getClassList().add("ballot-link");
        return link;
    }

    /** The phases with their dates; read-only, so one element (see StaticHtml). */
    private Component timeline(ConsultationDetails c) {
        Element steps =
                StaticHtml.element("ol", "timeline").attr("aria-label", getTranslation("consultation.timeline"));
        record Step(Phase phase, LocalDate from) {}
        for (Step s : List.of(
                new Step(Phase.IDEAS, c.ideasFrom()),
                new Step(Phase.VOTING, c.votingFrom()),
                new Step(Phase.SUMMARISING, c.summarisingFrom()),
                new Step(Phase.CLOSED, c.closedFrom()))) {
            Element item = steps.appendElement("li");
            StaticHtml.text(item, "span", getTranslation("phase." + s.phase().name()));
            StaticHtml.text(item, "span", Formats.date(s.from(), getLocale()));
            if (s.phase() == c.phase()) {
                item.addClass("current").attr("aria-current", "step");
            }
        }
        return StaticHtml.of(steps);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

package org.inspraak.idea.ui;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.consultation.ConsultationService.ThemeRef;
import org.inspraak.idea.IdeaPage;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaService.IdeaFilter;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.idea.IdeaSort;
import org.inspraak.idea.IdeaStatus;
import org.inspraak.neighbourhood.NeighbourhoodService.NeighbourhoodRef;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.Role;
import org.inspraak.ui.Live;
import org.inspraak.ui.PageParts;

/**
 * The ideas of one consultation on its page: sorted, filtered by theme, neighbourhood and status, scrolled, and
 * refreshed live as ideas and votes arrive. Sort and filters live in the address, so Back and a shared link show
 * the same selection; residents vote from the cards.
 */
class IdeaList extends VerticalLayout implements AfterNavigationObserver, BeforeLeaveObserver {

    private static final String SEED = "inspraak.random-seed";
    static final String SORT = "sorteer";
    static final String THEME = "thema";
    static final String NEIGHBOURHOOD = "wijk";
    static final String STATUS = "status";

    private final ConsultationDetails consultation;
    private final Select<IdeaSort> sort = new Select<>();
    private final Select<Optional<ThemeRef>> theme = new Select<>();
    private final Select<Optional<NeighbourhoodRef>> neighbourhood = new Select<>();
    private final Select<Optional<IdeaStatus>> status = new Select<>();
    private final VirtualList<IdeaSummary> list = new VirtualList<>();
    private final H2 heading = new H2();
    private final Paragraph none = new Paragraph();
    private final transient IdeaService ideas;
    private boolean restoring;
    private long rowsReadAt = System.nanoTime();
    private static final long ROWS_REREAD_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
    private final long seed;

    IdeaList(
            ConsultationDetails c,
            IdeaService ideas,
            CurrentUser currentUser,
            Live live,
            IdeaEditor.Factory editors,
            PageParts parts,
            List<NeighbourhoodRef> neighbourhoods) {
        this.consultation = c;
        this.ideas = ideas;
        setPadding(false);
        addClassName("ideas-section");
        sort.setLabel(getTranslation("consultation.sort"));
        sort.setItems(IdeaSort.values());
        sort.setItemLabelGenerator(s -> getTranslation("sort." + s.name()));
        sort.setValue(IdeaSort.NEWEST);
        sort.setId("idea-sort");

        theme.setLabel(getTranslation("filter.theme"));
        theme.setItems(with(c.themes()));
        theme.setItemLabelGenerator(o -> o.map(ThemeRef::name).orElse(getTranslation("filter.all")));
        theme.setValue(Optional.empty());
        theme.setId("filter-theme");
        theme.setVisible(!c.themes().isEmpty());
        neighbourhood.setLabel(getTranslation("filter.neighbourhood"));
        neighbourhood.setItems(with(neighbourhoods));
        neighbourhood.setItemLabelGenerator(o -> o.map(NeighbourhoodRef::name).orElse(getTranslation("filter.all")));
        neighbourhood.setValue(Optional.empty());
        neighbourhood.setId("filter-neighbourhood");
        neighbourhood.setVisible(!neighbourhoods.isEmpty());
        status.setLabel(getTranslation("filter.status"));
        status.setItems(with(Arrays.asList(IdeaStatus.values())));
        status.setItemLabelGenerator(
                o -> o.map(s -> getTranslation("status." + s.name())).orElse(getTranslation("filter.all")));
        status.setValue(Optional.empty());
        status.setId("filter-status");

        this.seed = visitorSeed();
        list.addClassName("idea-list");
        list.setRenderer(new ComponentRenderer<>(
                idea -> new IdeaCard(idea, parts.create(IdeaPage.CARD, new IdeaPage.Context(idea, c)))));
        list.setDataProvider(DataProvider.<IdeaSummary>fromCallbacks(
                q -> ideas.list(c.id(), filter(), sort.getValue(), seed, q.getOffset(), q.getLimit()).stream(),
                q -> (int) ideas.count(c.id(), filter())));
        list.getElement().setAttribute("aria-label", getTranslation("consultation.ideas-list"));
        none.setText(getTranslation("filter.none"));
        none.setId("ideas-none");
        for (HasValue<?, ?> field : List.of(sort, theme, neighbourhood, status)) {
            field.addValueChangeListener(e -> {
                if (!restoring) {
                    changed();
                }
            });
        }

        HorizontalLayout tools = new HorizontalLayout(sort, theme, neighbourhood, status);
        tools.setAlignItems(Alignment.BASELINE);
        tools.setWrap(true);
        tools.addClassName("idea-tools");
        if (c.phase().acceptsIdeas() && c.published()) {
            if (currentUser.has(Role.RESIDENT)) {
                Button post = new Button(getTranslation("idea.new"));
                post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                post.setId("new-idea");
                post.addClickListener(e ->
                        editors.open(c.id(), id -> getUI().ifPresent(ui -> ui.navigate("ideeen/" + id))));
                tools.addComponentAsFirst(post);
            } else if (currentUser.get().isEmpty()) {
                tools.addComponentAsFirst(new Anchor("/login", getTranslation("idea.login-to-post")));
            }
        }
        add(heading, tools, none, list);
        // A box of its own height that scrolls, so only the cards in view are built: grown to the page's height the
        // list rendered every card (with its vote buttons) for every visitor.
        list.setHeight("75vh");
        list.getStyle().set("flex", "none");
        updateCount();

        live.subscribe(list, IdeaService.IdeaChanged.class, e -> e.consultationId() == c.id(), e -> {
            updateCount();
            list.getDataProvider().refreshAll();
        });
        // Counts change all evening; each card's vote buttons follow their own idea. The list re-reads its rows
        // (order by support, the figures of visitors who cannot vote) at most once a minute: re-reading every open
        // list at every count was what limited how many residents one node could serve.
        live.subscribe(list, IdeaService.VotesCounted.class, e -> e.consultationId() == c.id(), e -> {
            if (System.nanoTime() - rowsReadAt >= ROWS_REREAD_NANOS) {
                rowsReadAt = System.nanoTime();
                list.getDataProvider().refreshAll();
            }
        });
    }

    private static <T> List<Optional<T>> with(List<T> values) {
        List<Optional<T>> out = new java.util.ArrayList<>();
        out.add(Optional.empty());
        values.forEach(v -> out.add(Optional.of(v)));
        return out;
    }

    private IdeaFilter filter() {
        return new IdeaFilter(
                theme.getValue().map(ThemeRef::id).orElse(null),
                neighbourhood.getValue().map(NeighbourhoodRef::id).orElse(null),
                status.getValue().orElse(null));
    }

    private void updateCount() {
        long shown = ideas.count(consultation.id(), filter());
        long total = ideas.count(consultation.id());
        heading.setText(
                shown == total
                        ? getTranslation("consultation.ideas", total)
                        : getTranslation("consultation.ideas-filtered", shown, total));
        none.setVisible(shown == 0 && total > 0);
    }

    private void changed() {
        updateCount();
        list.getDataProvider().refreshAll();
        list.scrollToStart();
        // Into the address without a new history entry: Back leaves the page, and comes back to this selection.
        Map<String, String> params = new HashMap<>();
        if (sort.getValue() != IdeaSort.NEWEST) {
            params.put(SORT, sort.getValue().name().toLowerCase(java.util.Locale.ROOT));
        }
        theme.getValue().ifPresent(t -> params.put(THEME, Long.toString(t.id())));
        neighbourhood.getValue().ifPresent(n -> params.put(NEIGHBOURHOOD, Long.toString(n.id())));
        status.getValue().ifPresent(s -> params.put(STATUS, s.name().toLowerCase(java.util.Locale.ROOT)));
        getUI().ifPresent(ui -> ui.getPage()
                .getHistory()
                .replaceState(null, new Location("gesprekken/" + consultation.id(), QueryParameters.simple(params))));
    }

    /** Restores the selection from the address (a shared link, or Back from an idea). Unknown values are ignored. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        Map<String, List<String>> p = event.getLocation().getQueryParameters().getParameters();
        restoring = true;
        try {
            sort.setValue(Arrays.stream(IdeaSort.values())
                    .filter(s -> s.name().equalsIgnoreCase(first(p, SORT)))
                    .findFirst()
                    .orElse(IdeaSort.NEWEST));
            theme.setValue(consultation.themes().stream()
                    .filter(t -> Long.toString(t.id()).equals(first(p, THEME)))
                    .findFirst());
            neighbourhood.setValue(neighbourhood
                    .getListDataView()
                    .getItems()
                    .flatMap(Optional::stream)
                    .filter(n -> Long.toString(n.id()).equals(first(p, NEIGHBOURHOOD)))
                    .findFirst());
            status.setValue(Arrays.stream(IdeaStatus.values())
                    .filter(s -> s.name().equalsIgnoreCase(first(p, STATUS)))
                    .findFirst());
        } finally {
            restoring = false;
        }
        updateCount();
        list.getDataProvider().refreshAll();
        ListReturn.take(event.getLocationChangeEvent().getUI(), consultation.id())
                .ifPresent(this::showAgain);
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        ListReturn.leavingList(event.getUI(), consultation.id(), event.getLocation());
    }

    /** Back from an idea: its card at the top of the list, and the list in view, where the visitor left it. */
    private void showAgain(long ideaId) {
        ideas.position(consultation.id(), filter(), sort.getValue(), seed, ideaId)
                .ifPresent(index -> {
                    list.scrollToIndex(index);
                    list.getElement().executeJs("this.scrollIntoView({block: 'start'})");
                });
    }

    private static String first(Map<String, List<String>> params, String key) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() ? "" : values.getFirst();
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
}

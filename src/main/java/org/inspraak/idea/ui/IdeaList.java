package org.inspraak.idea.ui;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.consultation.ConsultationService.ThemeRef;
import org.inspraak.idea.IdeaCardPart;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaService.IdeaFilter;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.idea.IdeaSort;
import org.inspraak.idea.IdeaStatus;
import org.inspraak.neighbourhood.NeighbourhoodService.NeighbourhoodRef;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.Role;
import org.inspraak.ui.Live;
import org.jspecify.annotations.Nullable;

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
    private final List<NeighbourhoodRef> neighbourhoods;
    /**
     * Sorting and filters, folded: on a phone the four fields took a screen's height above the ideas, and a page
     * keeps every field's items as server-side elements (a sixth of a resident's consultation page) although most
     * visitors never open them. They are built when opened, or at once when the address holds a selection.
     */
    private final Details choices = new Details();

    private @Nullable Select<IdeaSort> sort;
    private @Nullable Select<Optional<ThemeRef>> theme;
    private @Nullable Select<Optional<NeighbourhoodRef>> neighbourhood;
    private @Nullable Select<Optional<IdeaStatus>> status;
    /** The selection, also while the fields are not built. */
    private IdeaSort sortValue = IdeaSort.NEWEST;

    private Optional<ThemeRef> themeValue = Optional.empty();
    private Optional<NeighbourhoodRef> neighbourhoodValue = Optional.empty();
    private Optional<IdeaStatus> statusValue = Optional.empty();
    private final VirtualList<IdeaSummary> list = new VirtualList<>();
    /**
     * The rows the list fetched last, by idea, for the card parts that redraw a card (a vote's new figures). Bounded:
     * the browser holds the rows in view and a few around them.
     */
    private final Map<Long, IdeaSummary> fetched = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, IdeaSummary> eldest) {
            return size() > FETCHED_KEPT;
        }
    };

    private static final int FETCHED_KEPT = 100;
    private final CallbackDataProvider<IdeaSummary, Void> rows;
    private final H2 heading = new H2();
    /** The ideas the selection holds, as the heading says; the list's size. */
    private long shownCount;

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
            List<IdeaCardPart> cardParts,
            List<NeighbourhoodRef> neighbourhoods) {
        this.consultation = c;
        this.neighbourhoods = neighbourhoods;
        this.ideas = ideas;
        setPadding(false);
        addClassName("ideas-section");
        choices.setSummaryText(getTranslation("filter.summary"));
        choices.setId("idea-choices");
        choices.addClassName("idea-choices");
        choices.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                buildChoices();
            }
        });

        this.seed = visitorSeed();
        list.addClassName("idea-list");
        rows = new CallbackDataProvider<>(
                q -> {
                    List<IdeaSummary> page = ideas.list(c.id(), filter(), sortValue, seed, q.getOffset(), q.getLimit());
                    page.forEach(i -> fetched.put(i.id(), i));
                    return page.stream();
                },
                // The number the heading shows, counted with it: counting again for the list was one more query on
                // every consultation page.
                q -> (int) shownCount,
                IdeaSummary::id);
        list.setRenderer(cards(c, cardParts));
        list.setDataProvider(rows);
        list.getElement().setAttribute("aria-label", getTranslation("consultation.ideas-list"));
        none.setText(getTranslation("filter.none"));
        none.setId("ideas-none");

        HorizontalLayout tools = new HorizontalLayout();
        tools.setAlignItems(Alignment.BASELINE);
        tools.setWrap(true);
        tools.addClassName("idea-post");
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
        if (tools.getComponentCount() > 0) {
            add(heading, tools, choices, none, list);
        } else {
            add(heading, choices, none, list);
        }
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
                updateCount();
                list.getDataProvider().refreshAll();
            }
        });
    }

    /**
     * The cards, drawn in the browser from one template and each idea's values: the text as escaped HTML (see
     * StaticHtml), then what other modules add (the vote buttons). No server-side component per card.
     */
    private LitRenderer<IdeaSummary> cards(ConsultationDetails c, List<IdeaCardPart> cardParts) {
        IdeaCardPart.CardList on = new IdeaCardPart.CardList() {
            @Override
            public ConsultationDetails consultation() {
                return c;
            }

            @Override
            public Component owner() {
                return list;
            }

            @Override
            public List<IdeaSummary> shown() {
                // As the browser was sent them last, which a fetch for another reason does not change.
                var keys = list.getDataCommunicator().getKeyMapper();
                return fetched.values().stream()
                        .filter(list.getDataCommunicator()::isItemActive)
                        .map(i -> keys.get(keys.key(i)))
                        .toList();
            }

            @Override
            public List<Long> fetched() {
                return List.copyOf(fetched.keySet());
            }

            @Override
            public void redraw(IdeaSummary idea) {
                if (list.getDataCommunicator().isItemActive(idea)) {
                    rows.refreshItem(idea);
                }
            }
        };
        List<IdeaCardPart.Cards> parts =
                cardParts.stream().map(p -> p.on(on)).flatMap(Optional::stream).toList();
        StringBuilder template = new StringBuilder(
                "<div class=\"card idea-card\"><div class=\"idea-card-text\" .innerHTML=\"${item.text}\"></div>");
        parts.forEach(p -> template.append(p.template()));
        template.append("</div>");
        LitRenderer<IdeaSummary> renderer = LitRenderer.<IdeaSummary>of(template.toString())
                .withProperty("id", IdeaSummary::id)
                .withProperty("text", idea -> IdeaCard.html(this, idea));
        Set<String> names = new HashSet<>(List.of("id", "text"));
        for (IdeaCardPart.Cards part : parts) {
            part.values().forEach((name, value) -> {
                if (!names.add(name)) {
                    throw new IllegalStateException("two card parts use the value " + name);
                }
                renderer.withProperty(name, value);
            });
            part.functions().forEach(renderer::withFunction);
        }
        return renderer;
    }

    private static <T> List<Optional<T>> with(List<T> values) {
        List<Optional<T>> out = new java.util.ArrayList<>();
        out.add(Optional.empty());
        values.forEach(v -> out.add(Optional.of(v)));
        return out;
    }

    /** The sort and filter fields, built once: when the visitor opens them, or for a selection in the address. */
    private void buildChoices() {
        if (sort != null) {
            return;
        }
        Select<IdeaSort> sortField = new Select<>();
        sortField.setLabel(getTranslation("consultation.sort"));
        sortField.setItems(IdeaSort.values());
        sortField.setItemLabelGenerator(s -> getTranslation("sort." + s.name()));
        sortField.setValue(sortValue);
        sortField.setId("idea-sort");

        Select<Optional<ThemeRef>> themeField = new Select<>();
        themeField.setLabel(getTranslation("filter.theme"));
        themeField.setItems(with(consultation.themes()));
        themeField.setItemLabelGenerator(o -> o.map(ThemeRef::name).orElse(getTranslation("filter.all")));
        themeField.setValue(themeValue);
        themeField.setId("filter-theme");
        themeField.setVisible(!consultation.themes().isEmpty());
        Select<Optional<NeighbourhoodRef>> neighbourhoodField = new Select<>();
        neighbourhoodField.setLabel(getTranslation("filter.neighbourhood"));
        neighbourhoodField.setItems(with(neighbourhoods));
        neighbourhoodField.setItemLabelGenerator(
                o -> o.map(NeighbourhoodRef::name).orElse(getTranslation("filter.all")));
        neighbourhoodField.setValue(neighbourhoodValue);
        neighbourhoodField.setId("filter-neighbourhood");
        neighbourhoodField.setVisible(!neighbourhoods.isEmpty());
        Select<Optional<IdeaStatus>> statusField = new Select<>();
        statusField.setLabel(getTranslation("filter.status"));
        statusField.setItems(with(Arrays.asList(IdeaStatus.values())));
        statusField.setItemLabelGenerator(
                o -> o.map(s -> getTranslation("status." + s.name())).orElse(getTranslation("filter.all")));
        statusField.setValue(statusValue);
        statusField.setId("filter-status");
        sort = sortField;
        theme = themeField;
        neighbourhood = neighbourhoodField;
        status = statusField;
        for (HasValue<?, ?> field : List.of(sortField, themeField, neighbourhoodField, statusField)) {
            field.addValueChangeListener(e -> {
                if (!restoring) {
                    sortValue = sortField.getValue();
                    themeValue = themeField.getValue();
                    neighbourhoodValue = neighbourhoodField.getValue();
                    statusValue = statusField.getValue();
                    changed();
                }
            });
        }
        HorizontalLayout fields = new HorizontalLayout(sortField, themeField, neighbourhoodField, statusField);
        fields.setAlignItems(Alignment.BASELINE);
        fields.setWrap(true);
        fields.addClassName("idea-tools");
        choices.add(fields);
    }

    private IdeaFilter filter() {
        return new IdeaFilter(
                themeValue.map(ThemeRef::id).orElse(null),
                neighbourhoodValue.map(NeighbourhoodRef::id).orElse(null),
                statusValue.orElse(null));
    }

    private void updateCount() {
        IdeaFilter selected = filter();
        long shown = ideas.count(consultation.id(), selected);
        long total = selected.equals(IdeaFilter.NONE) ? shown : ideas.count(consultation.id());
        shownCount = shown;
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
        if (sortValue != IdeaSort.NEWEST) {
            params.put(SORT, sortValue.name().toLowerCase(java.util.Locale.ROOT));
        }
        themeValue.ifPresent(t -> params.put(THEME, Long.toString(t.id())));
        neighbourhoodValue.ifPresent(n -> params.put(NEIGHBOURHOOD, Long.toString(n.id())));
        statusValue.ifPresent(s -> params.put(STATUS, s.name().toLowerCase(java.util.Locale.ROOT)));
        getUI().ifPresent(ui -> ui.getPage()
                .getHistory()
                .replaceState(null, new Location("gesprekken/" + consultation.id(), QueryParameters.simple(params))));
    }

    /** Restores the selection from the address (a shared link, or Back from an idea). Unknown values are ignored. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        Map<String, List<String>> p = event.getLocation().getQueryParameters().getParameters();
        sortValue = Arrays.stream(IdeaSort.values())
                .filter(s -> s.name().equalsIgnoreCase(first(p, SORT)))
                .findFirst()
                .orElse(IdeaSort.NEWEST);
        themeValue = consultation.themes().stream()
                .filter(t -> Long.toString(t.id()).equals(first(p, THEME)))
                .findFirst();
        neighbourhoodValue = neighbourhoods.stream()
                .filter(n -> Long.toString(n.id()).equals(first(p, NEIGHBOURHOOD)))
                .findFirst();
        statusValue = Arrays.stream(IdeaStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(first(p, STATUS)))
                .findFirst();
        boolean chosen = sortValue != IdeaSort.NEWEST
                || themeValue.isPresent()
                || neighbourhoodValue.isPresent()
                || statusValue.isPresent();
        if (chosen) {
            // A shared link or Back with a selection: the fields show it.
            buildChoices();
            choices.setOpened(true);
            // Counted for no selection when the list was made (the list has not read its rows yet).
            updateCount();
            list.getDataProvider().refreshAll();
        }
        if (sort != null && theme != null && neighbourhood != null && status != null) {
            restoring = true;
            try {
                sort.setValue(sortValue);
                theme.setValue(themeValue);
                neighbourhood.setValue(neighbourhoodValue);
                status.setValue(statusValue);
            } finally {
                restoring = false;
            }
        }
        ListReturn.take(event.getLocationChangeEvent().getUI(), consultation.id())
                .ifPresent(this::showAgain);
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        ListReturn.leavingList(event.getUI(), consultation.id(), event.getLocation());
    }

    /** Back from an idea: its card at the top of the list, and the list in view, where the visitor left it. */
    private void showAgain(long ideaId) {
        ideas.position(consultation.id(), filter(), sortValue, seed, ideaId).ifPresent(index -> {
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

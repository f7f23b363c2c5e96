package org.inspraak.search.ui;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.idea.IdeaStatus;
import org.inspraak.neighbourhood.NeighbourhoodService;
import org.inspraak.search.SearchIndexMaintenance;
import org.inspraak.search.SearchService;
import org.inspraak.search.SearchService.Filters;
import org.inspraak.search.SearchService.Hit;
import org.inspraak.ui.StaticHtml;

/** One search box over ideas and reactions, with facets to narrow down. The URL holds the query, so results can be shared. */
@Route("zoeken")
@AnonymousAllowed
class SearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient SearchService search;
    private final transient ConsultationService consultations;
    private final transient NeighbourhoodService neighbourhoods;
    private final transient SearchIndexMaintenance index;
    private final TextField box = new TextField();
    private final Div facets = new Div();
    private final Paragraph summary = new Paragraph();
    private final Div help = new Div();
    /** Found with the count and facets, so that a list that is not scrolled needs no second search. */
    private static final int FIRST_PAGE = 50;

    private final VirtualList<Hit> results = new VirtualList<>();
    private String query = "";
    private Filters filters = Filters.NONE;

    SearchView(
            SearchService search,
            ConsultationService consultations,
            NeighbourhoodService neighbourhoods,
            SearchIndexMaintenance index) {
        this.search = search;
        this.consultations = consultations;
        this.neighbourhoods = neighbourhoods;
        this.index = index;
        addClassName("page");
        setHeightFull();
        box.setPlaceholder(getTranslation("search.placeholder"));
        box.setAriaLabel(getTranslation("search.label"));
        box.setPrefixComponent(VaadinIcon.SEARCH.create());
        box.setMaxLength(SearchService.MAX_QUERY);
        box.setWidthFull();
        box.setId("search-box");
        box.addKeyPressListener(Key.ENTER, e -> go(box.getValue(), Filters.NONE));
        Button submit = new Button(getTranslation("search.submit"), e -> go(box.getValue(), Filters.NONE));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("search-submit");
        HorizontalLayout bar = new HorizontalLayout(box, submit);
        bar.setWidthFull();
        bar.expand(box);
        facets.addClassName("facets");
        summary.addClassName("muted");
        summary.getElement().setAttribute("role", "status");
        summary.setId("search-summary");
        results.addClassName("search-results");
        results.setRenderer(new ComponentRenderer<>(this::hit));
        results.getElement().setAttribute("aria-label", getTranslation("search.results"));
        add(new H1(getTranslation("search.title")), bar);
        if (index.isRebuilding()) {
            Paragraph rebuilding = new Paragraph(getTranslation("search.rebuilding"));
            rebuilding.addClassName("form-message");
            add(rebuilding);
        }
        help.addClassName("search-help");
        help.getElement().setAttribute("aria-live", "polite");
        add(summary, help, facets, results);
        setFlexGrow(1, results);
    }

    private void go(String q, Filters f) {
        QueryParameters params = QueryParameters.simple(q == null || q.isBlank() ? Map.of() : paramsOf(q, f));
        getUI().ifPresent(ui -> ui.navigate(SearchView.class, params));
    }

    private static Map<String, String> paramsOf(String q, Filters f) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("q", q.strip());
        if (f.consultationId() != null) m.put("gesprek", f.consultationId().toString());
        if (f.themeId() != null) m.put("thema", f.themeId().toString());
        if (f.neighbourhoodId() != null) m.put("wijk", f.neighbourhoodId().toString());
        if (f.status() != null) m.put("status", f.status().name());
        return m;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> p = event.getLocation().getQueryParameters().getParameters();
        query = first(p, "q", Function.identity());
        query = query == null ? "" : query;
        filters = new Filters(
                first(p, "gesprek", SearchView::number),
                first(p, "thema", SearchView::number),
                first(p, "wijk", SearchView::number),
                first(p, "status", SearchView::status));
        box.setValue(query);
        render();
    }

    private void render() {
        facets.removeAll();
        if (query.isBlank()) {
            summary.setText(getTranslation("search.empty"));
            results.setItems(List.of());
            return;
        }
        SearchService.Page first = search.search(query, filters, 0, FIRST_PAGE);
        summary.setText(getTranslation("search.summary", first.total(), query));
        help.removeAll();
        String searched = query;
        if (first.total() == 0 && first.suggestion() != null) {
            // Nothing for what was typed: show what the nearest words find, and say so.
            SearchService.Page corrected = search.search(first.suggestion(), filters, 0, FIRST_PAGE);
            if (corrected.total() > 0) {
                searched = first.suggestion();
                summary.setText(getTranslation("search.corrected", query, corrected.total(), searched));
                first = corrected;
            }
        }
        String effective = searched;
        if (first.suggestion() != null && effective.equals(query)) {
            Anchor other = new Anchor(
                    RouteConfiguration.forSessionScope().getUrl(SearchView.class)
                            + "?"
                            + QueryParameters.simple(paramsOf(first.suggestion(), filters))
                                    .getQueryString(),
                    first.suggestion());
            other.setId("search-suggestion");
            help.add(new Span(getTranslation("search.did-you-mean")), new Span(" "), other, new Span("?"));
        }
        if (first.total() == 0) {
            boolean filtered = !filters.equals(Filters.NONE);
            help.add(new Paragraph(getTranslation(filtered ? "search.none.filtered" : "search.none")));
        }
        help.setVisible(help.getComponentCount() > 0);
        // The total is the one just counted and the first page the one just found; scrolling further fetches pages of
        // hits only, without counting again.
        long total = first.total();
        List<Hit> firstHits = first.hits();
        boolean allInHand = firstHits.size() >= total;
        results.setDataProvider(DataProvider.<Hit>fromCallbacks(
                q -> q.getOffset() + q.getLimit() <= firstHits.size() || allInHand
                        ? firstHits
                                .subList(
                                        Math.min(q.getOffset(), firstHits.size()),
                                        Math.min(q.getOffset() + q.getLimit(), firstHits.size()))
                                .stream()
                        : search.hits(effective, filters, q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, total)));
        SearchService.Facets f = first.facets();
        facets.add(facet(
                "search.facet.consultation",
                f.consultations(),
                consultations.titles(f.consultations().keySet()),
                filters.consultationId(),
                id -> new Filters((Long) id, filters.themeId(), filters.neighbourhoodId(), filters.status())));
        facets.add(facet(
                "search.facet.theme",
                f.themes(),
                consultations.themeNames(f.themes().keySet()),
                filters.themeId(),
                id -> new Filters(filters.consultationId(), (Long) id, filters.neighbourhoodId(), filters.status())));
        facets.add(facet(
                "search.facet.neighbourhood",
                f.neighbourhoods(),
                neighbourhoods.names(),
                filters.neighbourhoodId(),
                id -> new Filters(filters.consultationId(), filters.themeId(), (Long) id, filters.status())));
        Map<IdeaStatus, String> statusNames = new EnumMap<>(IdeaStatus.class);
        for (IdeaStatus s : IdeaStatus.values()) {
            statusNames.put(s, getTranslation("status." + s.name()));
        }
        facets.add(facet(
                "search.facet.status",
                f.statuses(),
                statusNames,
                filters.status(),
                s -> new Filters(
                        filters.consultationId(), filters.themeId(), filters.neighbourhoodId(), (IdeaStatus) s)));
    }

    private <K> Component facet(
            String titleKey, Map<K, Long> counts, Map<K, String> names, K selected, Function<Object, Filters> choose) {
        Div group = new Div();
        group.addClassName("facet");
        group.getElement().setAttribute("role", "group");
        group.getElement().setAttribute("aria-label", getTranslation(titleKey));
        Span title = new Span(getTranslation(titleKey));
        title.addClassName("facet-title");
        group.add(title);
        if (selected == null && counts.keySet().stream().noneMatch(names::containsKey)) {
            group.setVisible(false);
            return group;
        }
        if (selected != null) {
            Button clear = new Button(
                    getTranslation("search.facet.clear", names.getOrDefault(selected, "?")),
                    VaadinIcon.CLOSE_SMALL.create(),
                    e -> go(query, choose.apply(null)));
            clear.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
            group.add(clear);
            return group;
        }
        counts.entrySet().stream()
                .filter(e -> names.containsKey(e.getKey()))
                .sorted(Map.Entry.<K, Long>comparingByValue().reversed())
                .forEach(e -> {
                    Button b = new Button(
                            names.get(e.getKey()) + " (" + e.getValue() + ")",
                            click -> go(query, choose.apply(e.getKey())));
                    b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    group.add(b);
                });
        return group;
    }

    private Component hit(Hit hit) {
        Div card = new Div();
        card.addClassNames("card", "search-hit");
        // Titles and snippets come HTML-escaped from SearchService, with only <mark> added.
        Anchor title = new Anchor("/ideeen/" + hit.ideaId());
        title.add(StaticHtml.safe("span", "", hit.titleHtml()));
        H2 heading = new H2(title);
        card.add(heading);
        if (hit.matchedInReaction()) {
            Span where = new Span(getTranslation("search.in-reaction"));
            where.addClassName("muted");
            card.add(where);
        }
        if (!hit.snippetHtml().isBlank()) {
            card.add(StaticHtml.safe("p", "snippet", hit.snippetHtml()));
        }
        return card;
    }

    private static <T> T first(Map<String, List<String>> p, String key, Function<String, T> parse) {
        List<String> values = p.get(key);
        if (values == null || values.isEmpty()) {
            return null;
        }
        try {
            return parse.apply(values.getFirst());
        } catch (IllegalArgumentException e) {
            return null; // a forged or stale filter is ignored rather than failing the page
        }
    }

    private static Long number(String s) {
        return Long.valueOf(s);
    }

    private static IdeaStatus status(String s) {
        return IdeaStatus.valueOf(s);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("search.title");
    }
}

package org.inspraak.idea.ui;

import java.util.concurrent.ThreadLocalRandom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.server.VaadinSession;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.idea.IdeaSort;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.Role;
import org.inspraak.ui.Live;

/** The ideas of one consultation on its page: sorted, scrolled, and refreshed live as ideas and votes arrive. */
class IdeaList extends VerticalLayout {

    private static final String SEED = "inspraak.random-seed";

    IdeaList(ConsultationDetails c, IdeaService ideas, CurrentUser currentUser, Live live, IdeaEditor.Factory editors) {
        setPadding(false);
        addClassName("ideas-section");
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
        list.setRenderer(new ComponentRenderer<>(IdeaCard::new));
        list.setDataProvider(DataProvider.<IdeaSummary>fromCallbacks(
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
                post.addClickListener(e ->
                        editors.open(c.id(), id -> getUI().ifPresent(ui -> ui.navigate("ideeen/" + id))));
                tools.addComponentAsFirst(post);
            } else if (currentUser.get().isEmpty()) {
                tools.addComponentAsFirst(new Anchor("/login", getTranslation("idea.login-to-post")));
            }
        }
        add(heading, tools, list);
        setFlexGrow(1, list);
        list.setHeight("70vh");

        live.subscribe(list, IdeaService.IdeaChanged.class, e -> {
            if (e.consultationId() == c.id()) {
                heading.setText(getTranslation("consultation.ideas", ideas.count(c.id())));
                list.getDataProvider().refreshAll();
            }
        });
        live.subscribe(list, IdeaService.VotesCounted.class, e -> {
            if (e.consultationId() == c.id()) {
                list.getDataProvider().refreshAll();
            }
        });
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

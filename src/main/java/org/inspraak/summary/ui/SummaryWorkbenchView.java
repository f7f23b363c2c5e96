package org.inspraak.summary.ui;

import java.util.List;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.inspraak.InspraakException;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.idea.IdeaSort;
import org.inspraak.insight.InsightService;
import org.inspraak.insight.ui.InsightPanels;
import org.inspraak.security.Role;
import org.inspraak.summary.SummaryService;
import org.inspraak.summary.SummaryService.SummaryInfo;
import org.inspraak.summary.SummaryService.VersionInfo;
import org.inspraak.summary.SummaryState;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.Formats;
import org.inspraak.ui.Notices;

/**
 * The moderators' summary workbench: the insights beside a Markdown editor with live preview, citations of ideas
 * with their live vote figures, versions that can be compared, and the review and publication steps.
 */
@Route("gesprekken/:id(\\d{1,18})/samenvatting")
@RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
class SummaryWorkbenchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient SummaryService summaries;
    private final transient ConsultationService consultations;
    private final transient InsightService insights;
    private final transient IdeaService ideas;
    private final Div editorArea = new Div();
    private final FormMessage message = new FormMessage();
    private long consultationId;
    private String title = "";

    SummaryWorkbenchView(
            SummaryService summaries, ConsultationService consultations, InsightService insights, IdeaService ideas) {
        this.summaries = summaries;
        this.consultations = consultations;
        this.insights = insights;
        this.ideas = ideas;
        addClassName("page");
        addClassName("summary-workbench");
        editorArea.setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        consultationId = event.getRouteParameters().getLong("id").orElseThrow(NotFoundException::new);
        ConsultationService.ConsultationDetails c =
                consultations.find(consultationId).orElseThrow(NotFoundException::new);
        title = getTranslation("summary.workbench.title", c.title());
        rebuild(null);
    }

    private void rebuild(Long selected) {
        removeAll();
        editorArea.removeAll();
        add(new H1(title), message);
        List<SummaryInfo> list = summaries.forConsultation(consultationId);
        HorizontalLayout create = new HorizontalLayout();
        TextField newTitle = new TextField(getTranslation("summary.new.title"));
        newTitle.setMaxLength(SummaryService.MAX_TITLE);
        newTitle.setWidth("min(24em, 100%)");
        newTitle.setId("summary-title");
        Button draft = new Button(getTranslation("summary.new.draft"), e -> {
            try {
                long id = summaries.create(consultationId, newTitle.getValue(), getLocale());
                rebuild(id);
                Notices.success(this, "summary.new.created");
            } catch (InspraakException ex) {
                newTitle.setInvalid(true);
                newTitle.setErrorMessage(getTranslation(ex.key(), ex.args()));
            }
        });
        draft.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        draft.setId("summary-draft");
        create.setAlignItems(Alignment.BASELINE);
        create.setWrap(true);
        create.add(newTitle, draft);
        add(create);
        if (!list.isEmpty()) {
            Select<SummaryInfo> pick = new Select<>();
            pick.setLabel(getTranslation("summary.pick"));
            pick.setItems(list);
            pick.setItemLabelGenerator(s -> s.title() + " — "
                    + s.latest()
                            .map(v -> getTranslation(
                                    "summary.version.label",
                                    v.number(),
                                    getTranslation("summary.state." + v.state().name())))
                            .orElse(""));
            SummaryInfo chosen = list.stream()
                    .filter(s -> selected != null && s.id() == selected)
                    .findFirst()
                    .orElse(list.getLast());
            pick.setValue(chosen);
            pick.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    rebuild(e.getValue().id());
                }
            });
            add(pick);
            showEditor(chosen);
        }
        add(editorArea);
        Div insightArea = new Div(new H2(getTranslation("summary.insights")));
        insightArea.addClassName("workbench-insights");
        insights.latest(consultationId)
                .ifPresentOrElse(
                        in -> insightArea.add(InsightPanels.all(this, in, null)),
                        () -> insightArea.add(new Paragraph(getTranslation("summary.insights.none"))));
        add(insightArea);
    }

    private void showEditor(SummaryInfo s) {
        VersionInfo latest = s.latest().orElseThrow();
        boolean editable = latest.state() != SummaryState.IN_REVIEW;
        Span state = new Span(getTranslation(
                "summary.version.label",
                latest.number(),
                getTranslation("summary.state." + latest.state().name())));
        state.addClassName("summary-state");
        state.getElement().getThemeList().add("badge");
        TextArea text = new TextArea(getTranslation("summary.text"));
        text.setWidthFull();
        text.setMinHeight("20em");
        text.setMaxLength(SummaryService.MAX_BODY);
        text.setValue(latest.body());
        text.setId("summary-text");
        text.setReadOnly(!editable);
        text.setHelperText(getTranslation("summary.text.help"));
        text.setValueChangeMode(ValueChangeMode.TIMEOUT);
        Div preview = new Div();
        preview.addClassName("summary-preview");
        preview.getElement().setAttribute("aria-live", "polite");
        Div problems = new Div();
        problems.addClassName("citation-problems");
        Runnable render = () -> {
            preview.removeAll();
            preview.add(new Html("<div>" + CitationText.screenHtml(this, summaries, text.getValue()) + "</div>"));
            problems.removeAll();
            List<SummaryService.Citation> bad = summaries.citations(text.getValue()).stream()
                    .filter(c -> !c.resolved())
                    .toList();
            if (!bad.isEmpty()) {
                problems.add(new Paragraph(getTranslation(
                        "summary.citations.unresolved",
                        bad.stream()
                                .map(c -> String.valueOf(c.ideaId()))
                                .toList()
                                .toString())));
            }
        };
        render.run();
        text.addValueChangeListener(e -> render.run());

        ComboBox<IdeaSummary> cite = new ComboBox<>(getTranslation("summary.cite"));
        cite.setWidth("min(24em, 100%)");
        cite.setItems(q -> ideas.list(consultationId, IdeaSort.MOST_SUPPORT, 0, q.getOffset(), q.getLimit()).stream()
                .filter(i -> q.getFilter()
                        .map(f -> i.title().toLowerCase(getLocale()).contains(f.toLowerCase(getLocale())))
                        .orElse(true)));
        cite.setItemLabelGenerator(i -> i.title() + " (" + i.id() + ")");
        cite.setEnabled(editable);
        cite.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                text.setValue(text.getValue() + " [idee " + e.getValue().id() + "]");
                cite.clear();
            }
        });

        Button save = new Button(
                getTranslation("summary.save"),
                e -> act(s.id(), () -> summaries.save(s.id(), text.getValue()), "summary.saved"));
        save.setEnabled(editable);
        save.setId("summary-save");
        Button submit = new Button(
                getTranslation("summary.submit"),
                e -> act(
                        s.id(),
                        () -> {
                            summaries.save(s.id(), text.getValue());
                            summaries.submit(s.id());
                        },
                        "summary.submitted"));
        submit.setEnabled(latest.state() == SummaryState.DRAFT);
        submit.setId("summary-submit");
        Button approve = new Button(
                getTranslation("summary.approve"),
                e -> act(s.id(), () -> summaries.approve(s.id()), "summary.published"));
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        approve.setEnabled(latest.state() == SummaryState.IN_REVIEW);
        approve.setId("summary-approve");
        Button back = new Button(
                getTranslation("summary.send-back"),
                e -> act(s.id(), () -> summaries.sendBack(s.id()), "summary.sent-back"));
        back.setEnabled(latest.state() == SummaryState.IN_REVIEW);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout actions = new HorizontalLayout(save, submit, approve, back);
        actions.setWrap(true);

        Div columns = new Div();
        columns.addClassName("editor-columns");
        Div left = new Div(text, cite, problems);
        Div right = new Div(new H2(getTranslation("summary.preview")), preview);
        columns.add(left, right);
        editorArea.add(state, columns, actions, versions(s));
    }

    private Div versions(SummaryInfo s) {
        Div d = new Div(new H2(getTranslation("summary.versions")));
        List<VersionInfo> all = summaries.versions(s.id());
        UnorderedList list = new UnorderedList();
        for (VersionInfo v : all) {
            list.add(new ListItem(getTranslation(
                    "summary.version.line",
                    v.number(),
                    getTranslation("summary.state." + v.state().name()),
                    Formats.dateTime(v.createdAt(), getLocale()))));
        }
        d.add(list);
        if (all.size() >= 2) {
            Select<VersionInfo> from = new Select<>();
            Select<VersionInfo> to = new Select<>();
            from.setLabel(getTranslation("summary.compare.from"));
            to.setLabel(getTranslation("summary.compare.to"));
            for (Select<VersionInfo> sel : List.of(from, to)) {
                sel.setItems(all);
                sel.setItemLabelGenerator(v -> getTranslation("summary.version.short", v.number()));
            }
            from.setValue(all.get(1));
            to.setValue(all.get(0));
            Pre diff = new Pre();
            diff.addClassName("summary-diff");
            Button compare = new Button(getTranslation("summary.compare"), e -> {
                List<String> lines =
                        summaries.compare(from.getValue().id(), to.getValue().id());
                diff.setText(lines.isEmpty() ? getTranslation("summary.compare.same") : String.join("\n", lines));
            });
            HorizontalLayout row = new HorizontalLayout(from, to, compare);
            row.setAlignItems(Alignment.BASELINE);
            row.setWrap(true);
            d.add(row, diff);
        }
        return d;
    }

    private void act(long summaryId, Runnable action, String doneKey) {
        try {
            action.run();
            Notices.success(this, doneKey);
            rebuild(summaryId);
        } catch (InspraakException ex) {
            message.error(getTranslation(ex.key(), ex.args()));
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

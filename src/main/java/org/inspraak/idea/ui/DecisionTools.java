package org.inspraak.idea.ui;

import java.util.Arrays;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.consultation.OutcomePage;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.idea.IdeaSort;
import org.inspraak.idea.IdeaStatus;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.PagePart;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On the outcome editor: every idea, strongest support first, with its decision so far and one button to record
 * the decision (status, reason, department, date) without leaving the page.
 */
@Configuration(proxyBeanMethods = false)
class DecisionTools {

    @Bean
    PagePart<ConsultationDetails> decisionToolsPart(IdeaService ideas) {
        return PagePart.of(OutcomePage.DECISION_TOOLS, 0, c -> Optional.of(tools(c, ideas)));
    }

    private static Component tools(ConsultationDetails c, IdeaService ideas) {
        Div section = new Div();
        section.addClassName("decision-tools");
        section.add(
                new H2(section.getTranslation("outcome.decision-tools")),
                new Paragraph(section.getTranslation("outcome.decision-tools.help")));
        Grid<IdeaSummary> grid = new Grid<>();
        grid.setId("decision-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(DataProvider.fromCallbacks(
                q -> ideas.list(c.id(), IdeaSort.MOST_SUPPORT, 0, q.getOffset(), q.getLimit()).stream(),
                q -> (int) ideas.count(c.id())));
        grid.addComponentColumn(i -> new Anchor("/ideeen/" + i.id(), i.title()))
                .setHeader(section.getTranslation("outcome.decision-tools.idea"))
                .setFlexGrow(3);
        grid.addColumn(i -> i.agree() + " / " + i.disagree() + " / " + i.pass())
                .setHeader(section.getTranslation("outcome.decision-tools.votes"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(i -> {
                    Span s = new Span(section.getTranslation(
                            i.status().isDecision()
                                    ? "status." + i.status().name()
                                    : "outcome.decision-tools.undecided"));
                    s.getElement().getThemeList().add("badge");
                    if (!i.status().isDecision()) {
                        s.getElement().getThemeList().add("contrast");
                    }
                    return s;
                })
                .setHeader(section.getTranslation("outcome.decision-tools.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(i -> {
                    Button open = new Button(section.getTranslation("outcome.decision-tools.open"));
                    open.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    open.addClassName("decide-button");
                    open.addClickListener(e -> dialog(
                            section, ideas, i, () -> grid.getDataProvider().refreshAll()));
                    return open;
                })
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setAllRowsVisible(false);
        grid.setHeight("28rem");
        section.add(grid);
        return section;
    }

    private static void dialog(Component ctx, IdeaService ideas, IdeaSummary idea, Runnable saved) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(idea.title());
        dialog.setWidth("min(40rem, 95vw)");
        Select<IdeaStatus> status = new Select<>();
        status.setLabel(ctx.getTranslation("idea.status.new"));
        status.setItems(Arrays.stream(IdeaStatus.values())
                .filter(IdeaStatus::isDecision)
                .toList());
        status.setItemLabelGenerator(s -> ctx.getTranslation("status." + s.name()));
        status.setValue(idea.status().isDecision() ? idea.status() : IdeaStatus.SELECTED);
        status.setId("decision-status");
        TextArea reason = new TextArea(ctx.getTranslation("idea.status.explanation"));
        reason.setMaxLength(2000);
        reason.setWidthFull();
        reason.setId("decision-reason");
        TextField department = new TextField(ctx.getTranslation("idea.status.department"));
        department.setMaxLength(IdeaService.MAX_DEPARTMENT);
        department.setWidthFull();
        department.setId("decision-department");
        DatePicker date = new DatePicker(ctx.getTranslation("idea.status.date"));
        date.setHelperText(ctx.getTranslation("idea.status.date-help"));
        date.setId("decision-date");
        FormMessage message = new FormMessage();
        VerticalLayout form = new VerticalLayout(status, reason, department, date, message);
        form.setPadding(false);
        dialog.add(form);
        Button save = new Button(ctx.getTranslation("idea.status.save"), e -> {
            if (message.attempt(() -> ideas.setStatus(
                    idea.id(), status.getValue(), reason.getValue(), department.getValue(), date.getValue()))) {
                dialog.close();
                saved.run();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("decision-save");
        Button cancel = new Button(ctx.getTranslation("action.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }
}

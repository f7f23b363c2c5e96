package org.inspraak.goal.ui;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.inspraak.TextInput;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.goal.GoalMetric;
import org.inspraak.goal.GoalService;
import org.inspraak.goal.GoalService.Evaluation;
import org.inspraak.insight.Figures;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.Role;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.Formats;

/** Goals of a consultation with their progress, a chart and a plain verdict each; a one-page PDF report. */
@Route("gesprekken/:id(\\d{1,18})/evaluatie")
@RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME, Role.COUNCIL_MEMBER_NAME})
class EvaluationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient GoalService goals;
    private final transient ConsultationService consultations;
    private final transient CurrentUser currentUser;
    private long consultationId;
    private String title = "";

    EvaluationView(GoalService goals, ConsultationService consultations, CurrentUser currentUser) {
        this.goals = goals;
        this.consultations = consultations;
        this.currentUser = currentUser;
        addClassName("page");
        addClassName("evaluation");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        consultationId = event.getRouteParameters().getLong("id").orElseThrow(NotFoundException::new);
        ConsultationService.ConsultationDetails c =
                consultations.find(consultationId).orElseThrow(NotFoundException::new);
        title = getTranslation("evaluation.title", c.title());
        build(c);
    }

    private void build(ConsultationService.ConsultationDetails c) {
        removeAll();
        add(new H1(title));
        List<Evaluation> list = goals.evaluate(consultationId);
        if (list.isEmpty()) {
            add(new Paragraph(getTranslation("evaluation.none")));
        } else {
            Grid<Evaluation> grid = new Grid<>();
            grid.addColumn(e -> getTranslation("goal.metric." + e.metric()))
                    .setHeader(getTranslation("evaluation.goal"));
            grid.addColumn(e -> value(e.metric(), e.target())).setHeader(getTranslation("evaluation.target"));
            grid.addColumn(e -> Formats.date(e.deadline(), getLocale()))
                    .setHeader(getTranslation("evaluation.deadline"));
            grid.addColumn(e -> e.current() == null ? "–" : value(e.metric(), e.current()))
                    .setHeader(getTranslation("evaluation.current"));
            grid.addColumn(e -> getTranslation("evaluation.verdict." + e.verdict()))
                    .setHeader(getTranslation("evaluation.verdict"));
            grid.setItems(list);
            grid.setAllRowsVisible(true);
            grid.setId("goals-grid");
            add(grid, new Html("<div class=\"figure\">" + chart(list).svg() + "</div>"));
            for (Evaluation e : list) {
                Paragraph p = new Paragraph(sentence(e));
                p.addClassName("verdict-" + e.verdict().name().toLowerCase(Locale.ROOT));
                add(p);
            }
            Anchor pdf = new Anchor(
                    DownloadHandler.fromInputStream(ev -> {
                        byte[] bytes = pdf(c, list);
                        return new DownloadResponse(
                                new ByteArrayInputStream(bytes),
                                "evaluatie-" + consultationId + ".pdf",
                                "application/pdf",
                                bytes.length);
                    }),
                    getTranslation("evaluation.pdf"));
            pdf.addClassName("evaluation-pdf");
            add(pdf);
        }
        if (currentUser.has(Role.MODERATOR) || currentUser.has(Role.ADMIN)) {
            add(form(c));
        }
    }

    private Div form(ConsultationService.ConsultationDetails c) {
        Div d = new Div(new H2(getTranslation("evaluation.add")));
        Select<GoalMetric> metric = new Select<>();
        metric.setLabel(getTranslation("evaluation.goal"));
        metric.setItems(GoalMetric.values());
        metric.setItemLabelGenerator(m -> getTranslation("goal.metric." + m));
        metric.setId("goal-metric");
        BigDecimalField target = new BigDecimalField(getTranslation("evaluation.target"));
        target.setId("goal-target");
        DatePicker deadline = new DatePicker(getTranslation("evaluation.deadline"));
        deadline.setValue(c.closedFrom());
        deadline.setId("goal-deadline");
        FormMessage message = new FormMessage();
        Button add = new Button(getTranslation("evaluation.add.button"), e -> {
            if (message.attempt(
                    () -> goals.add(consultationId, metric.getValue(), target.getValue(), deadline.getValue()))) {
                build(c);
            }
        });
        add.setId("goal-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(metric, target, deadline, add);
        row.setAlignItems(Alignment.BASELINE);
        row.setWrap(true);
        d.add(row, message);
        return d;
    }

    private String value(GoalMetric m, double v) {
        String n = String.format(getLocale(), v == Math.rint(v) ? "%.0f" : "%.1f", v);
        return switch (m) {
            case SHARE_UNDER_35 -> n + "%";
            case MEDIAN_ANSWER_HOURS -> getTranslation("evaluation.hours", v);
            default -> n;
        };
    }

    private String sentence(Evaluation e) {
        return getTranslation(
                "evaluation.sentence",
                getTranslation("goal.metric." + e.metric()),
                e.current() == null ? "–" : value(e.metric(), e.current()),
                value(e.metric(), e.target()),
                Formats.date(e.deadline(), getLocale()),
                getTranslation("evaluation.verdict." + e.verdict()));
    }

    private Figures.Figure chart(List<Evaluation> list) {
        List<String> labels = list.stream()
                .map(e -> getTranslation("goal.metric." + e.metric()))
                .toList();
        double[] pct =
                list.stream().mapToDouble(e -> Math.round(e.progress() * 100)).toArray();
        StringBuilder desc = new StringBuilder();
        list.forEach(e -> desc.append(sentence(e)).append(' '));
        return Figures.bars(
                labels,
                List.of(getTranslation("evaluation.progress")),
                List.of(pct),
                "%",
                getTranslation("evaluation.chart"),
                desc.toString().strip());
    }

    private byte[] pdf(ConsultationService.ConsultationDetails c, List<Evaluation> list) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(getLocale().getLanguage())
                .append("\"><head><meta charset=\"utf-8\"/><title>")
                .append(esc(title))
                .append("</title><style>")
                .append("@page { size: A4; margin: 2cm; } body { font-family: sans-serif; font-size: 10.5pt; }")
                .append("table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #ccc;")
                .append(" padding: 3pt; text-align: left; } svg { width: 16cm; }</style></head><body>");
        h.append("<h1>")
                .append(esc(title))
                .append("</h1><p>")
                .append(esc(c.question()))
                .append("</p><table><tr>");
        for (String k : List.of(
                "evaluation.goal",
                "evaluation.target",
                "evaluation.deadline",
                "evaluation.current",
                "evaluation.verdict")) {
            h.append("<th>").append(esc(getTranslation(k))).append("</th>");
        }
        h.append("</tr>");
        for (Evaluation e : list) {
            h.append("<tr><td>")
                    .append(esc(getTranslation("goal.metric." + e.metric())))
                    .append("</td><td>")
                    .append(esc(value(e.metric(), e.target())))
                    .append("</td><td>")
                    .append(esc(Formats.date(e.deadline(), getLocale())))
                    .append("</td><td>")
                    .append(esc(e.current() == null ? "–" : value(e.metric(), e.current())))
                    .append("</td><td>")
                    .append(esc(getTranslation("evaluation.verdict." + e.verdict())))
                    .append("</td></tr>");
        }
        h.append("</table><div>")
                .append(chart(list).svg())
                .append("</div><p>")
                .append(esc(getTranslation("evaluation.generated", Formats.date(LocalDate.now(), getLocale()))))
                .append("</p></body></html>");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.useSVGDrawer(new BatikSVGDrawer());
            // Defensive, as in the summary PDF: openhtmltopdf rejects noncharacters that older data may hold.
            b.withHtmlContent(TextInput.printable(h.toString()), null);
            b.toStream(out);
            b.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

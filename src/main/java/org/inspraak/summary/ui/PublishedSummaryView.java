package org.inspraak.summary.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.inspraak.InspraakProperties;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.insight.InsightService;
import org.inspraak.insight.OpenDataExport;
import org.inspraak.insight.ui.InsightPanels;
import org.inspraak.security.Role;
import org.inspraak.summary.SummaryService;
import org.inspraak.ui.Formats;

/**
 * One published summary for council members: the text with clickable citations that lead to the ideas and their
 * reactions, the figures, mark-as-read, and downloads (PDF, open data as CSV and JSON).
 */
@Route("raad/samenvattingen/:id(\\d{1,18})")
@RolesAllowed({Role.COUNCIL_MEMBER_NAME, Role.MODERATOR_NAME, Role.ADMIN_NAME})
class PublishedSummaryView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient SummaryService summaries;
    private final transient ConsultationService consultations;
    private final transient InsightService insights;
    private final transient OpenDataExport openData;
    private final transient InspraakProperties properties;
    private String title = "";

    PublishedSummaryView(
            SummaryService summaries,
            ConsultationService consultations,
            InsightService insights,
            OpenDataExport openData,
            InspraakProperties properties) {
        this.summaries = summaries;
        this.consultations = consultations;
        this.insights = insights;
        this.openData = openData;
        this.properties = properties;
        addClassName("page");
        addClassName("published-summary");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElseThrow(NotFoundException::new);
        SummaryService.SummaryInfo s = summaries.find(id).orElseThrow(NotFoundException::new);
        SummaryService.VersionInfo v = s.published().orElseThrow(NotFoundException::new);
        ConsultationService.ConsultationDetails c =
                consultations.find(s.consultationId()).orElseThrow(NotFoundException::new);
        title = s.title();
        removeAll();
        InsightService.Insights in = insights.latest(c.id()).orElseGet(() -> insights.computeNow(c.id()));
        add(
                new H1(s.title()),
                new Paragraph(
                        new Anchor("gesprekken/" + c.id(), c.title()),
                        new Span(" — "
                                + getTranslation(
                                        "council.published-on",
                                        v.number(),
                                        Formats.dateTime(v.publishedAt(), getLocale())))));
        add(InsightPanels.keyFigures(this, in));

        Button read = new Button(getTranslation(summaries.isRead(v.id()) ? "council.read" : "council.mark-read"));
        read.setEnabled(!summaries.isRead(v.id()));
        read.addClickListener(e -> {
            summaries.markRead(v.id());
            read.setText(getTranslation("council.read"));
            read.setEnabled(false);
        });
        read.addClassName("mark-read");
        String base = properties.baseUrl();
        Anchor pdf = new Anchor(
                DownloadHandler.fromInputStream(ev -> {
                    byte[] bytes = SummaryPdf.render(
                            this,
                            getLocale(),
                            summaries,
                            s,
                            v,
                            c.title(),
                            c.attribution(),
                            in,
                            base,
                            properties.municipality().name());
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes),
                            "samenvatting-" + s.id() + ".pdf",
                            "application/pdf",
                            bytes.length);
                }),
                getTranslation("council.download.pdf"));
        pdf.addClassName("download-pdf");
        Anchor csv = new Anchor(
                DownloadHandler.fromInputStream(ev -> {
                    byte[] bytes = openData.ideasCsv(c.id()).getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes),
                            "gesprek-" + c.id() + "-ideeen.csv",
                            "text/csv",
                            bytes.length);
                }),
                getTranslation("council.download.csv"));
        csv.addClassName("download-csv");
        Anchor json = new Anchor(
                DownloadHandler.fromInputStream(ev -> {
                    byte[] bytes = openData.json(c.id()).getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes),
                            "gesprek-" + c.id() + ".json",
                            "application/json",
                            bytes.length);
                }),
                getTranslation("council.download.json"));
        json.addClassName("download-json");
        HorizontalLayout actions = new HorizontalLayout(read, pdf, csv, json);
        actions.setWrap(true);
        actions.setAlignItems(Alignment.BASELINE);
        add(actions);

        Div text = new Div(new Html("<div>" + CitationText.screenHtml(this, summaries, v.body()) + "</div>"));
        text.addClassName("summary-text");
        add(text, new H2(getTranslation("council.evidence")), InsightPanels.all(this, in, null));
        if (c.attribution() != null && !c.attribution().isBlank()) {
            Paragraph a = new Paragraph(c.attribution());
            a.addClassName("attribution");
            add(a);
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

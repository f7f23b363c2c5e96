package org.inspraak.summary.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.vaadin.flow.component.Component;
import org.inspraak.TextInput;
import org.inspraak.insight.InsightService;
import org.inspraak.insight.ui.InsightPanels;
import org.inspraak.summary.SummaryService;
import org.inspraak.ui.Formats;

/**
 * A published summary as PDF: title, key figures, the same SVG figures as on screen, the text with citations as
 * numbered footnotes, and the data attribution.
 */
final class SummaryPdf {

    private SummaryPdf() {}

    static byte[] render(
            Component ctx,
            Locale locale,
            SummaryService summaries,
            SummaryService.SummaryInfo s,
            SummaryService.VersionInfo v,
            String consultationTitle,
            String attribution,
            InsightService.Insights in,
            String baseUrl) {
        CitationText.Printed text = CitationText.printHtml(ctx, summaries, v.body(), baseUrl);
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"")
                .append(locale.getLanguage())
                .append("\"><head><meta charset=\"utf-8\"/>")
                .append("<title>")
                .append(esc(s.title()))
                .append("</title><style>")
                .append(
                        "@page { size: A4; margin: 2cm; } body { font-family: sans-serif; font-size: 10.5pt; line-height: 1.4; }")
                .append("h1 { font-size: 18pt; margin: 0 0 4pt 0; } h2 { font-size: 13pt; margin-top: 14pt; } ")
                .append(".meta { color: #555; } table.figures td { padding: 2pt 10pt 2pt 0; } svg { width: 16cm; }")
                .append(".notes { font-size: 9pt; } .attribution { font-size: 8.5pt; color: #555; margin-top: 16pt; }")
                .append("</style></head><body>");
        h.append("<h1>").append(esc(s.title())).append("</h1>");
        h.append("<p class=\"meta\">")
                .append(esc(consultationTitle))
                .append(" — ")
                .append(esc(ctx.getTranslation(
                        "council.published-on", v.number(), Formats.dateTime(v.publishedAt(), locale))))
                .append("</p>");
        if (in != null) {
            h.append("<table class=\"figures\"><tr>");
            for (Object[] f : List.of(
                    new Object[] {"insight.participants", in.participants()},
                    new Object[] {"insight.ideas", in.ideaCount()},
                    new Object[] {"insight.votes", in.voteCount()},
                    new Object[] {"insight.reactions", in.reactionCount()},
                    new Object[] {"insight.groups", in.groups().size()})) {
                h.append("<td><b>")
                        .append(f[1])
                        .append("</b> ")
                        .append(esc(ctx.getTranslation((String) f[0])))
                        .append("</td>");
            }
            h.append("</tr></table>");
        }
        h.append(text.html());
        if (in != null) {
            if (!in.groups().isEmpty()) {
                figure(
                        h,
                        ctx.getTranslation("insight.map.title"),
                        InsightPanels.mapFigure(ctx, in, null).svg());
            }
            if (!in.themes().isEmpty()) {
                figure(
                        h,
                        ctx.getTranslation("insight.themes.title"),
                        InsightPanels.themesFigure(ctx, in).svg());
            }
            if (!in.timeline().isEmpty()) {
                figure(
                        h,
                        ctx.getTranslation("insight.timeline.title"),
                        InsightPanels.timelineFigure(ctx, in).svg());
            }
            if (in.representation().stream().anyMatch(r -> r.participantPct() > 0)) {
                figure(
                        h,
                        ctx.getTranslation("insight.repr.title"),
                        InsightPanels.representationFigure(ctx, in).svg());
            }
        }
        if (!text.footnotes().isEmpty()) {
            h.append("<h2>").append(esc(ctx.getTranslation("council.sources"))).append("</h2><ol class=\"notes\">");
            text.footnotes().forEach(n -> h.append("<li>").append(esc(n)).append("</li>"));
            h.append("</ol>");
        }
        if (attribution != null && !attribution.isBlank()) {
            h.append("<p class=\"attribution\">").append(esc(attribution)).append("</p>");
        }
        h.append("</body></html>");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            // Text stored before input was checked may still hold code points the PDF library rejects.
            builder.withHtmlContent(TextInput.printable(h.toString()), baseUrl);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void figure(StringBuilder h, String title, String svg) {
        h.append("<h2>").append(esc(title)).append("</h2><div>").append(svg).append("</div>");
    }

    static String esc(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}

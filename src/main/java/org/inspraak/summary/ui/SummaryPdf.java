package org.inspraak.summary.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.vaadin.flow.component.Component;
import org.inspraak.TextInput;
import org.inspraak.insight.Figures;
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
            String baseUrl,
            String municipality) {
        CitationText.Printed text = CitationText.printHtml(ctx, summaries, v.body(), baseUrl);
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        // The sections, in order: the summary's own headings (## in its Markdown, h3 on screen under the page's h1
        // and h2), then the figures and the sources. Each gets an anchor, so the contents list can name its page.
        List<String[]> sections = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        Matcher m = HEADING.matcher(text.html());
        int last = 0;
        while (m.find()) {
            String id = "s" + (sections.size() + 1);
            sections.add(new String[] {id, m.group(1)});
            body.append(text.html(), last, m.start())
                    .append("<h2 id=\"")
                    .append(id)
                    .append("\">")
                    .append(m.group(1))
                    .append("</h2>");
            last = m.end();
        }
        body.append(text.html().substring(last));
        if (in != null) {
            if (!in.groups().isEmpty()) {
                figure(
                        ctx,
                        body,
                        sections,
                        ctx.getTranslation("insight.map.title"),
                        InsightPanels.mapFigure(ctx, in, null));
            }
            if (!in.themes().isEmpty()) {
                figure(
                        ctx,
                        body,
                        sections,
                        ctx.getTranslation("insight.themes.title"),
                        InsightPanels.themesFigure(ctx, in));
            }
            if (!in.timeline().isEmpty()) {
                figure(
                        ctx,
                        body,
                        sections,
                        ctx.getTranslation("insight.timeline.title"),
                        InsightPanels.timelineFigure(ctx, in));
            }
            if (in.representation().stream().anyMatch(r -> r.participantPct() > 0)) {
                figure(
                        ctx,
                        body,
                        sections,
                        ctx.getTranslation("insight.repr.title"),
                        InsightPanels.representationFigure(ctx, in));
            }
        }
        if (!text.footnotes().isEmpty()) {
            String id = "s" + (sections.size() + 1);
            sections.add(new String[] {id, esc(ctx.getTranslation("council.sources"))});
            body.append("<h2 id=\"")
                    .append(id)
                    .append("\">")
                    .append(esc(ctx.getTranslation("council.sources")))
                    .append("</h2><ol class=\"notes\">");
            text.footnotes().forEach(n -> body.append("<li>").append(esc(n)).append("</li>"));
            body.append("</ol>");
        }
        if (attribution != null && !attribution.isBlank()) {
            body.append("<p class=\"attribution\">").append(esc(attribution)).append("</p>");
        }

        String running = esc(municipality) + " · " + esc(ctx.getTranslation("summary.pdf.kind"));
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"")
                .append(locale.getLanguage())
                .append("\"><head><meta charset=\"utf-8\"/>")
                .append("<title>")
                .append(esc(s.title()))
                .append("</title><style>")
                .append("@page { size: A4; margin: 2.2cm 2cm 2cm 2cm;")
                .append(" @top-left { content: \"")
                .append(running)
                .append("\"; font-family: sans-serif; font-size: 8.5pt; color: #1f5c99; }")
                .append(" @bottom-right { content: \"")
                .append(esc(ctx.getTranslation("summary.pdf.page")))
                .append(" \" counter(page) \" ")
                .append(esc(ctx.getTranslation("summary.pdf.of")))
                .append(" \" counter(pages); font-family: sans-serif; font-size: 8.5pt; color: #555; } }")
                // The cover has no running header or page number.
                .append("@page :first { @top-left { content: none; } @bottom-right { content: none; } }")
                .append(".cover { page-break-after: always; padding-top: 6cm; }")
                .append(
                        ".cover .org { color: #1f5c99; font-size: 14pt; font-weight: bold; border-bottom: 3pt solid #1f5c99;")
                .append(" padding-bottom: 6pt; margin-bottom: 36pt; }")
                .append(
                        ".cover h1 { font-size: 24pt; margin: 0 0 12pt 0; } .cover .sub { font-size: 13pt; color: #333; }")
                .append(".cover .meta { margin-top: 48pt; }")
                .append(".contents { page-break-after: always; } .contents ol { list-style: none; padding: 0; }")
                .append(".contents li a { color: #222; text-decoration: none; }")
                .append(".contents li a::after { content: leader('.') target-counter(attr(href), page); }")
                .append("body { font-family: sans-serif; font-size: 10.5pt; line-height: 1.45; color: #222; }")
                .append("h2 { font-size: 13pt; margin-top: 16pt; color: #1f5c99; page-break-after: avoid; }")
                .append(".meta { color: #555; } table.figures td { padding: 2pt 12pt 2pt 0; } svg { width: 16cm; }")
                // A figure stays whole, with its heading, on one page.
                .append(".figure { page-break-inside: avoid; }")
                .append(".caption { font-size: 9pt; color: #444; margin-top: 4pt; }")
                .append(".notes { font-size: 9pt; } .attribution { font-size: 8.5pt; color: #555; margin-top: 16pt; }")
                .append("</style></head><body>");
        h.append("<div class=\"cover\"><div class=\"org\">")
                .append(esc(municipality))
                .append("</div>");
        h.append("<h1>").append(esc(s.title())).append("</h1>");
        h.append("<p class=\"sub\">")
                .append(esc(ctx.getTranslation("summary.pdf.for-council", consultationTitle)))
                .append("</p>");
        h.append("<p class=\"meta\">")
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
                        .append(numbers.format(f[1]))
                        .append("</b> ")
                        .append(esc(ctx.getTranslation((String) f[0])))
                        .append("</td>");
            }
            h.append("</tr></table>");
        }
        h.append("</div>");
        h.append("<div class=\"contents\"><h2>")
                .append(esc(ctx.getTranslation("summary.pdf.contents")))
                .append("</h2><ol>");
        sections.forEach(sec -> h.append("<li><a href=\"#")
                .append(sec[0])
                .append("\">")
                .append(sec[1])
                .append("</a></li>"));
        h.append("</ol></div>");
        h.append(body);
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

    private static final Pattern HEADING = Pattern.compile("<h3[^>]*>(.*?)</h3>", Pattern.DOTALL);

    /**
     * A figure under its heading with a numbered caption below it, all kept on one page. The caption says in words
     * what the figure shows, for readers who cannot see it, and lets a test find where each figure ends.
     */
    private static void figure(
            Component ctx, StringBuilder h, List<String[]> sections, String title, Figures.Figure figure) {
        String id = "s" + (sections.size() + 1);
        sections.add(new String[] {id, esc(title)});
        int number = h.toString().split(FIGURE, -1).length;
        h.append(FIGURE)
                .append("<h2 id=\"")
                .append(id)
                .append("\">")
                .append(esc(title))
                .append("</h2><div>")
                .append(figure.svg())
                .append("</div><p class=\"caption\">")
                .append(esc(ctx.getTranslation("summary.pdf.caption", number, figure.description())))
                .append("</p></div>");
    }

    private static final String FIGURE = "<div class=\"figure\">";

    static String esc(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}

package org.inspraak.summary.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.vaadin.flow.component.Component;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.summary.SummaryService;
import org.inspraak.ui.Markdown;

/**
 * Turns a summary's Markdown into safe HTML with its citations resolved: on screen each {@code [idee 123]} becomes
 * a link with the idea's title and live vote figures; in the PDF it becomes the title with a footnote number.
 * Unresolved citations are marked, never silently dropped.
 */
public final class CitationText {

    private CitationText() {}

    public static String screenHtml(Component ctx, SummaryService summaries, String body) {
        return screenHtml(ctx, index(summaries.citations(body)), body);
    }

    /** As {@link #screenHtml(Component, SummaryService, String)}, for pages everyone reads (the outcome). */
    public static String publicHtml(Component ctx, SummaryService summaries, String body) {
        return screenHtml(ctx, index(summaries.publicCitations(body)), body);
    }

    private static String screenHtml(Component ctx, Map<Long, SummaryService.Citation> byId, String body) {
        Matcher m = SummaryService.CITATION.matcher(body);
        StringBuilder md = new StringBuilder();
        while (m.find()) {
            SummaryService.Citation c = byId.get(Long.parseLong(m.group(1)));
            String replacement;
            if (c.resolved()) {
                IdeaSummary i = c.idea().orElseThrow();
                replacement = "[" + escape(i.title()) + " — "
                        + escape(ctx.getTranslation("summary.citation.votes", i.agree(), i.disagree(), i.pass()))
                        + "](ideeen/" + i.id() + ")";
            } else {
                replacement = "**" + escape(ctx.getTranslation("summary.citation.unresolved", c.ideaId())) + "**";
            }
            m.appendReplacement(md, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(md);
        return Markdown.staffHtml(md.toString());
    }

    /** HTML for the PDF, plus the footnotes in citation order. */
    public record Printed(String html, List<String> footnotes) {}

    public static Printed printHtml(Component ctx, SummaryService summaries, String body, String baseUrl) {
        Map<Long, SummaryService.Citation> byId = index(summaries.citations(body));
        List<Long> order = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Matcher m = SummaryService.CITATION.matcher(body);
        StringBuilder md = new StringBuilder();
        while (m.find()) {
            long id = Long.parseLong(m.group(1));
            SummaryService.Citation c = byId.get(id);
            if (!order.contains(id)) {
                order.add(id);
                notes.add(
                        c.resolved()
                                ? c.idea().get().title() + " — "
                                        + ctx.getTranslation(
                                                "summary.citation.votes",
                                                c.idea().get().agree(),
                                                c.idea().get().disagree(),
                                                c.idea().get().pass())
                                        + " — "
                                        + baseUrl + "/ideeen/" + id
                                : ctx.getTranslation("summary.citation.unresolved", id));
            }
            int n = order.indexOf(id) + 1;
            String title = c.resolved() ? escape(c.idea().get().title()) : "idee " + id;
            m.appendReplacement(md, Matcher.quoteReplacement("*" + title + "* [" + n + "]"));
        }
        m.appendTail(md);
        return new Printed(Markdown.staffHtml(md.toString()), notes);
    }

    private static Map<Long, SummaryService.Citation> index(List<SummaryService.Citation> citations) {
        Map<Long, SummaryService.Citation> byId = new HashMap<>();
        citations.forEach(c -> byId.put(c.ideaId(), c));
        return byId;
    }

    /** Escapes Markdown syntax in resident text placed inside generated Markdown. */
    static String escape(String s) {
        return s.replaceAll("([\\\\`*_\\[\\]()<>#!|])", "\\\\$1");
    }
}

package org.inspraak.insight.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.inspraak.insight.Figures;
import org.inspraak.insight.InsightService;
import org.inspraak.insight.InsightService.Insights;

/** The insight panels, shared by the insights page, the summary workbench and the council's reading view. */
public final class InsightPanels {

    private InsightPanels() {}

    /** What the staff page lets moderators do with a theme; readers (the council) get the panels without it. */
    public interface ThemeEditing {
        void rename(InsightService.ThemeInsight theme);

        void merge(InsightService.ThemeInsight theme);
    }

    public static Component all(Component ctx, Insights in, Long viewer) {
        return all(ctx, in, viewer, null);
    }

    public static Component all(Component ctx, Insights in, Long viewer, ThemeEditing editing) {
        Div d = new Div();
        d.addClassName("insights");
        d.add(
                keyFigures(ctx, in),
                map(ctx, in, viewer),
                groups(ctx, in),
                consensus(ctx, in),
                divisive(ctx, in),
                themes(ctx, in, editing),
                participation(ctx, in),
                representation(ctx, in));
        return d;
    }

    public static Component keyFigures(Component ctx, Insights in) {
        Div d = new Div();
        d.addClassName("key-figures");
        d.add(
                figure(ctx, "insight.participants", in.participants()),
                figure(ctx, "insight.ideas", in.ideaCount()),
                figure(ctx, "insight.votes", in.voteCount()),
                figure(ctx, "insight.reactions", in.reactionCount()),
                figure(ctx, "insight.groups", in.groups().size()));
        return d;
    }

    /** The public key figures (no opinion groups: those need the full computation, which is for staff). */
    public static Component keyFigures(Component ctx, InsightService.KeyFigures f) {
        Div d = new Div();
        d.addClassName("key-figures");
        d.add(
                figure(ctx, "insight.participants", f.participants()),
                figure(ctx, "insight.ideas", f.ideas()),
                figure(ctx, "insight.votes", f.votes()),
                figure(ctx, "insight.reactions", f.reactions()));
        return d;
    }

    private static Component figure(Component ctx, String key, int value) {
        Div f = new Div(
                new Span(String.format(Locale.ROOT, "%,d", value).replace(',', '.')),
                new Span(ctx.getTranslation(key)));
        f.addClassName("key-figure");
        return f;
    }

    public static Figures.Figure mapFigure(Component ctx, Insights in, Long viewer) {
        StringBuilder desc = new StringBuilder(ctx.getTranslation(
                "insight.map.desc", in.groupedParticipants(), in.groups().size()));
        for (InsightService.Group g : in.groups()) {
            desc.append(' ').append(ctx.getTranslation("insight.map.group", g.label(), g.size()));
        }
        return Figures.opinionMap(
                in,
                viewer,
                ctx.getTranslation("insight.map.title"),
                desc.toString(),
                ctx.getTranslation("insight.map.ungrouped"),
                ctx.getTranslation("insight.map.you"),
                label -> ctx.getTranslation("insight.map.group-name", label));
    }

    private static Component map(Component ctx, Insights in, Long viewer) {
        Div d = section(ctx, "insight.map.title");
        if (in.groups().isEmpty()) {
            d.add(new Paragraph(ctx.getTranslation("insight.map.too-few")));
            return d;
        }
        d.add(svg(mapFigure(ctx, in, viewer)));
        if (viewer != null && in.positionOf(viewer).isPresent()) {
            d.add(new Paragraph(ctx.getTranslation("insight.map.you-marked")));
        }
        return d;
    }

    private static Component groups(Component ctx, Insights in) {
        Div d = section(ctx, "insight.groups.title");
        if (in.backgroundQuestions() > 0) {
            Paragraph background =
                    new Paragraph(ctx.getTranslation("insight.groups.background", in.backgroundQuestions()));
            background.addClassName("muted");
            background.setId("insight-background-questions");
            d.add(background);
        }
        for (InsightService.Group g : in.groups()) {
            H3 h = new H3(ctx.getTranslation("insight.group", g.label(), g.size()));
            d.add(h);
            if (g.statements().isEmpty()) {
                d.add(new Paragraph(ctx.getTranslation("insight.group.none")));
                continue;
            }
            UnorderedList list = new UnorderedList();
            for (InsightService.GroupStatement s : g.statements()) {
                list.add(new ListItem(
                        ideaLink(s.idea()),
                        new Span(" — "
                                + ctx.getTranslation(
                                        s.agree() ? "insight.group.agrees" : "insight.group.disagrees",
                                        pct(s.groupRate()),
                                        pct(s.restRate())))));
            }
            d.add(list);
        }
        return d;
    }

    private static Component consensus(Component ctx, Insights in) {
        Div d = section(ctx, "insight.consensus.title");
        d.add(spreadList(ctx, in.consensus(), "insight.consensus.none"));
        return d;
    }

    private static Component divisive(Component ctx, Insights in) {
        Div d = section(ctx, "insight.divisive.title");
        d.add(spreadList(ctx, in.divisive(), "insight.divisive.none"));
        return d;
    }

    private static Component spreadList(Component ctx, List<InsightService.SpreadIdea> ideas, String emptyKey) {
        if (ideas.isEmpty()) {
            return new Paragraph(ctx.getTranslation(emptyKey));
        }
        UnorderedList list = new UnorderedList();
        for (InsightService.SpreadIdea s : ideas) {
            StringBuilder rates = new StringBuilder();
            for (int g = 0; g < s.agreeRates().length; g++) {
                rates.append(g == 0 ? " — " : ", ")
                        .append(ctx.getTranslation(
                                "insight.rate", InsightService.groupLabel(g), pct(s.agreeRates()[g])));
            }
            list.add(new ListItem(ideaLink(s.idea()), new Span(rates.toString())));
        }
        return list;
    }

    public static Figures.Figure themesFigure(Component ctx, Insights in) {
        // One measure on the axis (support in %); the number of ideas, a count, goes into each theme's label.
        List<String> labels = in.themes().stream()
                .map(t -> ctx.getTranslation("insight.themes.label", t.label(), t.ideas()))
                .toList();
        double[] support = in.themes().stream()
                .mapToDouble(t -> Math.round(t.support() * 100))
                .toArray();
        StringBuilder desc = new StringBuilder();
        for (InsightService.ThemeInsight t : in.themes()) {
            desc.append(ctx.getTranslation("insight.themes.desc-item", t.label(), t.ideas(), pct(t.support())))
                    .append(' ');
        }
        return Figures.bars(
                labels,
                List.of(ctx.getTranslation("insight.themes.support")),
                List.of(support),
                "%",
                ctx.getTranslation("insight.themes.title"),
                desc.toString().strip());
    }

    private static Component themes(Component ctx, Insights in, ThemeEditing editing) {
        Div d = section(ctx, "insight.themes.title");
        if (in.themes().isEmpty()) {
            d.add(new Paragraph(ctx.getTranslation("insight.themes.none")));
            return d;
        }
        d.add(svg(themesFigure(ctx, in)));
        UnorderedList list = new UnorderedList();
        for (InsightService.ThemeInsight t : in.themes()) {
            ListItem item = new ListItem(new Span(ctx.getTranslation(
                    "insight.theme.line",
                    t.label(),
                    t.ideas(),
                    pct(t.support()),
                    ctx.getTranslation("insight.tone." + tone(t.sentiment())))));
            if (t.turnedNegative()) {
                Span warn = new Span(" " + ctx.getTranslation("insight.theme.turned-negative"));
                warn.addClassName("signal");
                item.add(warn);
            }
            if (editing != null) {
                Span actions = new Span();
                actions.addClassName("theme-actions");
                Button rename = new Button(ctx.getTranslation("insight.theme.rename"), e -> editing.rename(t));
                rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                rename.addClassName("theme-rename");
                actions.add(rename);
                if (in.themes().size() > 1) {
                    Button merge = new Button(ctx.getTranslation("insight.theme.merge"), e -> editing.merge(t));
                    merge.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                    merge.addClassName("theme-merge");
                    actions.add(merge);
                }
                item.add(actions);
            }
            UnorderedList strongest = new UnorderedList();
            t.strongest().forEach(i -> strongest.add(new ListItem(ideaLink(i))));
            item.add(strongest);
            list.add(item);
        }
        d.add(list);
        InsightService.Sentiment s = in.ideaSentiment();
        InsightService.Sentiment r = in.reactionSentiment();
        d.add(new Paragraph(ctx.getTranslation(
                "insight.sentiment.line",
                s.positive(),
                s.neutral(),
                s.negative(),
                r.positive(),
                r.neutral(),
                r.negative())));
        return d;
    }

    public static Figures.Figure timelineFigure(Component ctx, Insights in) {
        int days = in.timeline().size();
        String desc = ctx.getTranslation(
                "insight.timeline.desc", days, in.participants(), in.ideaCount(), in.reactionCount());
        return Figures.timeline(
                in.timeline(),
                List.of(
                        ctx.getTranslation("insight.timeline.participants"),
                        ctx.getTranslation("insight.timeline.ideas"),
                        ctx.getTranslation("insight.timeline.reactions")),
                ctx.getTranslation("insight.timeline.title"),
                desc);
    }

    private static Component participation(Component ctx, Insights in) {
        Div d = section(ctx, "insight.timeline.title");
        if (in.timeline().isEmpty()) {
            d.add(new Paragraph(ctx.getTranslation("insight.timeline.none")));
        } else {
            d.add(svg(timelineFigure(ctx, in)));
        }
        return d;
    }

    public static Figures.Figure representationFigure(Component ctx, Insights in) {
        List<InsightService.Representation> rows = in.representation().stream()
                .filter(r -> r.populationPct() != null || r.participantPct() > 0)
                .toList();
        List<String> labels = new ArrayList<>();
        double[] ours = new double[rows.size()];
        double[] population = new double[rows.size()];
        StringBuilder desc = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            InsightService.Representation r = rows.get(i);
            String label = "AGE".equals(r.dimension()) ? ctx.getTranslation("insight.age", r.band()) : r.band();
            labels.add(label);
            ours[i] = Math.round(r.participantPct());
            population[i] = r.populationPct() == null ? 0 : Math.round(r.populationPct());
            desc.append(ctx.getTranslation(
                            "insight.repr.desc-item",
                            label,
                            Math.round(r.participantPct()),
                            r.populationPct() == null ? "?" : String.valueOf(Math.round(r.populationPct()))))
                    .append(' ');
        }
        return Figures.bars(
                labels,
                List.of(ctx.getTranslation("insight.repr.participants"), ctx.getTranslation("insight.repr.population")),
                List.of(ours, population),
                "%",
                ctx.getTranslation("insight.repr.title"),
                desc.toString().strip());
    }

    private static Component representation(Component ctx, Insights in) {
        Div d = section(ctx, "insight.repr.title");
        d.add(new Paragraph(ctx.getTranslation("insight.repr.explain")));
        if (in.representation().stream().noneMatch(r -> r.participantPct() > 0)) {
            d.add(new Paragraph(ctx.getTranslation("insight.repr.none")));
            return d;
        }
        d.add(svg(representationFigure(ctx, in)));
        List<InsightService.Representation> under = in.underRepresented();
        d.add(new Paragraph(
                under.isEmpty()
                        ? ctx.getTranslation("insight.repr.balanced")
                        : ctx.getTranslation(
                                "insight.repr.under",
                                String.join(
                                        ", ",
                                        under.stream()
                                                .map(r -> "AGE".equals(r.dimension())
                                                        ? ctx.getTranslation("insight.age", r.band())
                                                        : r.band())
                                                .toList()))));
        return d;
    }

    public static Anchor ideaLink(InsightService.IdeaRef idea) {
        Anchor a = new Anchor("ideeen/" + idea.id(), idea.title());
        a.addClassName("idea-link");
        return a;
    }

    static Component svg(Figures.Figure f) {
        Html html = new Html("<div class=\"figure\">" + f.svg() + "</div>");
        return html;
    }

    private static Div section(Component ctx, String titleKey) {
        Div d = new Div(new H2(ctx.getTranslation(titleKey)));
        d.addClassName("insight-section");
        return d;
    }

    static String tone(double s) {
        return s > 0.05 ? "positive" : s < -0.05 ? "negative" : "neutral";
    }

    public static String pct(double rate) {
        return Math.round(rate * 100) + "%";
    }
}

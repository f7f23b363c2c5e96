package org.inspraak.budget.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.inspraak.budget.BudgetService;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.consultation.OutcomePage;
import org.inspraak.consultation.Phase;
import org.inspraak.insight.Figures;
import org.inspraak.ui.PagePart;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ballot's results: on the ballot page for staff, and for everyone on the outcome page once voting closed. */
@Configuration(proxyBeanMethods = false)
class BallotResults {

    @Bean
    PagePart<ConsultationDetails> ballotOnOutcomePart(BudgetService budget) {
        return PagePart.of(
                OutcomePage.BALLOT,
                0,
                // Only once voting has closed, and only for a consultation that had ideas on its ballot.
                c -> c.budgetKind() == null
                                || c.phase().ordinal() <= Phase.VOTING.ordinal()
                                || budget.setup(c.id()).items().isEmpty()
                        ? Optional.empty()
                        : Optional.of(of(new Div(), budget, c.id())));
    }

    static Div of(Component ctx, BudgetService budget, long id) {
        BudgetService.Results r = budget.results(id);
        Div d = new Div(new H2(ctx.getTranslation("ballot.results")));
        d.addClassName("ballot-results");
        d.setId("uitslag-begroting");
        d.add(new Paragraph(ctx.getTranslation("ballot.results.count", r.ballots())));
        if (r.ballots() == 0 || r.items().isEmpty()) {
            return d;
        }
        List<String> labels = r.items().stream().map(i -> i.item().title()).toList();
        double[] shares =
                r.items().stream().mapToDouble(i -> Math.round(i.share() * 100)).toArray();
        StringBuilder desc = new StringBuilder();
        r.items()
                .forEach(i -> desc.append(ctx.getTranslation(
                                "ballot.results.desc-item", i.item().title(), i.chosen(), Math.round(i.share() * 100)))
                        .append(' '));
        Figures.Figure f = Figures.bars(
                labels,
                List.of(ctx.getTranslation("ballot.results.share")),
                List.of(shares),
                "%",
                ctx.getTranslation("ballot.results"),
                desc.toString().strip());
        d.add(new Html("<div class=\"figure\">" + f.svg() + "</div>"));
        Anchor csv = new Anchor(
                DownloadHandler.fromInputStream(ev -> {
                    byte[] bytes = budget.resultsCsv(id).getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes), "begroting-" + id + ".csv", "text/csv", bytes.length);
                }),
                ctx.getTranslation("ballot.results.csv"));
        csv.addClassName("ballot-csv");
        d.add(csv);
        return d;
    }
}

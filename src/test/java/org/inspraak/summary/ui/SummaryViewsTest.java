package org.inspraak.summary.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.inspraak.KaribuTest;
import org.inspraak.TestData;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.insight.InsightService;
import org.inspraak.polis.PolisImportService;
import org.inspraak.security.Role;
import org.inspraak.summary.SummaryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** Insights page, summary workbench, council reading room and the PDF, browserless. */
class SummaryViewsTest extends KaribuTest {

    @Autowired
    PolisImportService importer;

    @Autowired
    InsightService insights;

    @Autowired
    SummaryService summaries;

    @Autowired
    ConsultationService consultations;

    @Autowired
    org.inspraak.idea.IdeaService ideas;

    @Autowired
    org.inspraak.moderation.ModerationService moderation;

    private long imported() throws Exception {
        login(data.user(Role.ADMIN));
        long c = importer.importFolder(Path.of("src/test/resources/polis/brexit-consensus"), p -> {})
                .consultationId();
        insights.computeNow(c);
        return c;
    }

    @Test
    void councilMembersSeeInsightsWithAccessibleFigures() throws Exception {
        long c = imported();
        login(data.user(Role.COUNCIL_MEMBER));
        navigate("gesprekken/" + c + "/inzichten");
        String html = pageHtml();
        assertThat(html)
                .contains(
                        "Meningskaart",
                        "Groep A",
                        "Waar alle groepen het over eens zijn",
                        "role=\"img\"",
                        "<title id=\"fig-",
                        "<desc id=\"fig-",
                        "Representativiteit");
        assertThat(_find(Anchor.class).stream().map(Anchor::getHref)).anyMatch(h -> h.startsWith("ideeen/"));
        _assertNone(Paragraph.class, s -> s.withId("insight-background-questions"));
    }

    /** Readers of the groups learn how many background questions the groups leave out. */
    @Test
    void insightsSayHowManyBackgroundQuestionsTheGroupsLeaveOut() throws Exception {
        long c = imported();
        login(data.user(Role.MODERATOR));
        long first = ideas.allFor(c).getFirst().id();
        moderation.markBackground(first, true, "Vraag over de deelnemer");
        assertThat(insights.computeNow(c).backgroundQuestions()).isOne();
        login(data.user(Role.COUNCIL_MEMBER));
        navigate("gesprekken/" + c + "/inzichten");
        assertThat(_get(Paragraph.class, s -> s.withId("insight-background-questions"))
                        .getText())
                .isEqualTo("1 achtergrondvraag telt niet mee voor de meningsgroepen: een vraag over de deelnemers zelf,"
                        + " zoals leeftijd of woonplaats.");
    }

    @Test
    void moderatorsDraftEditGetApprovalAndCouncilReads() throws Exception {
        long c = imported();
        TestData.User writer = login(data.user(Role.MODERATOR));
        navigate("gesprekken/" + c + "/samenvatting");
        _setValue(
                _get(TextField.class, s -> s.withLabel("Titel van een nieuwe samenvatting")),
                "Wat Brexit-kiezers delen");
        _click(_get(Button.class, s -> s.withText("Concept uit inzichten")));
        TextArea text = _get(TextArea.class, s -> s.withLabel("Tekst (Markdown)"));
        assertThat(text.getValue()).contains("## De vraag", "[idee ");
        assertThat(pageHtml()).contains("summary-preview").contains("eens ·");

        _setValue(text, text.getValue() + "\nZie ook [idee 987654321].");
        assertThat(pageHtml()).contains("Verwijzingen naar ideeën die niet bestaan of verborgen zijn: [987654321]");
        _click(_get(Button.class, s -> s.withText("Ter beoordeling aanbieden")));
        assertThat(pageHtml()).contains("niet bestaan of verborgen");

        text = _get(TextArea.class, s -> s.withLabel("Tekst (Markdown)"));
        _setValue(text, text.getValue().replace("\nZie ook [idee 987654321].", "\nDe moderator vat samen."));
        _click(_get(Button.class, s -> s.withText("Ter beoordeling aanbieden")));
        assertThat(_get(Button.class, s -> s.withText("Goedkeuren en publiceren"))
                        .isEnabled())
                .isTrue();

        login(data.user(Role.MODERATOR));
        navigate("gesprekken/" + c + "/samenvatting");
        _click(_get(Button.class, s -> s.withText("Goedkeuren en publiceren")));
        long summaryId = summaries.forConsultation(c).getFirst().id();
        assertThat(summaries.find(summaryId).orElseThrow().published()).isPresent();

        login(data.user(Role.COUNCIL_MEMBER));
        // Signed in, a council member lands in the reading room, with what is new on top; once per session.
        navigate("");
        assertThat(_get(H1.class).getText()).isEqualTo("Leeskamer van de raad");
        assertThat(_get(Paragraph.class, s -> s.withId("council-news")).getText())
                .startsWith("Nieuw sinds uw vorige bezoek: ")
                .contains("samenvatting");
        navigate("");
        assertThat(_get(H1.class).getText()).isNotEqualTo("Leeskamer van de raad");
        navigate("raad");
        assertThat(pageHtml()).contains("Wat Brexit-kiezers delen", "Nieuw");
        navigate("raad/samenvattingen/" + summaryId);
        assertThat(pageHtml())
                .contains(
                        "De moderator vat samen.",
                        "href=\"ideeen/",
                        "Onderbouwing",
                        "The Computational Democracy Project");
        _click(_get(Button.class, s -> s.withText("Markeer als gelezen")));
        navigate("raad");
        assertThat(pageHtml()).contains("Gelezen");
        assertThat(_find(Anchor.class).stream().map(Anchor::getText)).doesNotContain(writer.email());
    }

    private static String pageText(org.apache.pdfbox.pdmodel.PDDocument doc, int page) throws java.io.IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(doc);
    }

    @Test
    void pdfHasTheTextFiguresAndFootnotes() throws Exception {
        long c = imported();
        login(data.user(Role.MODERATOR));
        long s = summaries.create(c, "PDF-proef", Locale.forLanguageTag("nl"));
        long idea = summaries
                .citations(
                        summaries.find(s).orElseThrow().latest().orElseThrow().body())
                .getFirst()
                .ideaId();
        summaries.save(s, "## Kern\n\nInwoners noemen [idee " + idea + "] het vaakst.");
        summaries.submit(s);
        login(data.user(Role.MODERATOR));
        summaries.approve(s);
        SummaryService.SummaryInfo info = summaries.find(s).orElseThrow();
        byte[] pdf = SummaryPdf.render(
                UI.getCurrent(),
                Locale.forLanguageTag("nl"),
                summaries,
                info,
                info.published().orElseThrow(),
                "Brexit",
                consultations.find(c).orElseThrow().attribution(),
                insights.latest(c).orElseThrow(),
                "https://inspraak.example.org",
                "Gemeente Helmond");
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        // Nobody is "you" in a PDF: the map has no ring and no "U" in its legend.
        String map = org.inspraak.insight.ui.InsightPanels.mapFigure(
                        UI.getCurrent(), insights.latest(c).orElseThrow(), null)
                .svg();
        assertThat(map).contains("Groep A").doesNotContain(">U</text>");
        try (var doc = Loader.loadPDF(pdf)) {
            // A municipal report: a cover without page number, a contents list with pages, numbered pages.
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            String cover = pageText(doc, 1);
            assertThat(cover)
                    .contains("Gemeente Helmond", "PDF-proef", "Samenvatting voor de gemeenteraad")
                    .contains("5.303 stemmen")
                    .doesNotContain("Pagina");
            assertThat(pageText(doc, 2))
                    .contains("Inhoud")
                    .containsPattern("Kern\\s*\\.+\\s*3")
                    .containsPattern("Meningskaart\\s*\\.+\\s*\\d")
                    .contains("Pagina 2 van " + doc.getNumberOfPages());
            assertThat(pageText(doc, 3)).contains("Kern", "Pagina 3 van ");
            // No figure is split: its heading and its caption, which sit above and below the drawing, are on one
            // page. (The drawings' own labels are shapes in the PDF, so the caption is what marks a figure's end.)
            String contents = pageText(doc, 2);
            List<String> figures =
                    List.of("Meningskaart", "Thema's", "Deelname door de tijd", "Representativiteit").stream()
                            .filter(contents::contains)
                            .toList();
            assertThat(figures).hasSizeGreaterThanOrEqualTo(3);
            for (int n = 1; n <= figures.size(); n++) {
                String caption = "Figuur " + n + ". ";
                int page = 0;
                for (int p = 3; p <= doc.getNumberOfPages() && page == 0; p++) {
                    page = pageText(doc, p).contains(caption) ? p : 0;
                }
                assertThat(page).as(caption).isPositive();
                assertThat(pageText(doc, page))
                        .as("figure %d on page %d", n, page)
                        .containsPattern("(?s)" + java.util.regex.Pattern.quote(figures.get(n - 1)) + "\\s.*"
                                + java.util.regex.Pattern.quote(caption));
            }
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains(
                            "PDF-proef",
                            "Kern",
                            "[1]",
                            "Bronnen",
                            "https://inspraak.example.org/ideeen/" + idea,
                            "Meningskaart",
                            "Computational Democracy");
        }
    }
}

package org.inspraak.insight;

import java.util.List;

import org.inspraak.InspraakException;
import org.inspraak.IntegrationTest;
import org.inspraak.TestData;
import org.inspraak.security.Role;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A theme's "strongest ideas" are ideas people support; an idea with 0 agree and 1 disagree is never one. */
class ThemeInsightsTest extends IntegrationTest {

    @Autowired
    InsightService insights;

    @Autowired
    VoteService votes;

    /** A theme is proposed a name from its ideas' titles, as a person would write it, not a list of frequent words. */
    @Test
    void themesAreProposedANameFromTheirTitles() {
        assertThat(TextAnalysis.keyPhrase(
                        List.of(
                                "Parkeertarief in het centrum verhogen",
                                "Het parkeertarief voor bezoekers verlagen",
                                "Gratis parkeren in het centrum afschaffen"),
                        List.of("Lantaarnpalen dimmen", "Meer bomen in de wijk planten", "Bibliotheek openhouden")))
                .contains("Parkeertarief");
        assertThat(TextAnalysis.keyPhrase(
                        List.of(
                                "Openbare verlichting dimmen na middernacht",
                                "Openbare verlichting vervangen door led"),
                        List.of("Openbare toiletten in het park", "Verlichting in de sporthal")))
                .contains("Openbare verlichting");
        assertThat(TextAnalysis.keyPhrase(
                        List.of("Lantaarnpalen 's nachts dimmen", "Lantaarnpalen met ledlampen", "Straatlicht uit"),
                        List.of("Bankjes in het park")))
                .contains("Lantaarnpalen");
        // Nothing shared: no proposal, and the theme keeps its terms.
        assertThat(TextAnalysis.keyPhrase(List.of("Bankjes", "Zwembad"), List.of("Bibliotheek")))
                .isEmpty();
    }

    /** Moderators name a theme and merge two; the council's figures and the summary then use those themes. */
    @Test
    void moderatorsNameAndMergeThemesAndTheChoicesSurviveRecomputation() {
        long c = data.openConsultation();
        TestData.User author = data.user();
        data.idea(c, author, "Parkeertarief in het centrum verhogen", "Parkeren in het centrum wordt duurder.");
        data.idea(c, author, "Parkeertarief voor bezoekers verlagen", "Parkeren in het centrum wordt goedkoper.");
        data.idea(c, author, "Parkeergarage 's nachts sluiten", "De parkeergarage in het centrum gaat dicht.");
        data.idea(c, author, "Meer bomen in de wijk planten", "Bomen planten in elke straat van de wijk.");
        data.idea(c, author, "Bomen langs de straat behouden", "Oude bomen in de straat niet kappen.");
        data.idea(c, author, "Geveltuinen in de straat", "Bewoners planten geveltuinen in hun straat.");
        data.idea(c, author, "Lantaarnpalen dimmen", "Lantaarnpalen branden minder fel om energie te besparen.");
        data.idea(c, author, "Ledlampen in lantaarnpalen", "Lantaarnpalen krijgen zuinige ledlampen.");
        data.authenticate(data.user(Role.MODERATOR));
        InsightService.Insights before = insights.computeNow(c);
        assertThat(before.themes()).hasSizeGreaterThanOrEqualTo(2);
        InsightService.ThemeInsight first = before.themes().get(0);
        InsightService.ThemeInsight second = before.themes().get(1);

        insights.nameTheme(c, first.anchorIdeaId(), "  Parkeren in   het centrum ");
        InsightService.Insights named = insights.computeNow(c);
        InsightService.ThemeInsight renamed = named.themes().stream()
                .filter(t -> t.anchorIdeaId() == first.anchorIdeaId())
                .findFirst()
                .orElseThrow();
        assertThat(renamed.label()).isEqualTo("Parkeren in het centrum");
        assertThat(renamed.named()).isTrue();
        assertThat(renamed.proposed()).isEqualTo(first.proposed());

        insights.mergeThemes(c, second.anchorIdeaId(), first.anchorIdeaId());
        InsightService.Insights merged = insights.computeNow(c);
        assertThat(merged.themes()).hasSize(before.themes().size() - 1);
        assertThat(merged.themes().stream()
                        .filter(t -> t.label().equals("Parkeren in het centrum"))
                        .findFirst()
                        .orElseThrow()
                        .ideas())
                .isEqualTo(first.ideas() + second.ideas());

        assertThatThrownBy(() -> insights.nameTheme(c, first.anchorIdeaId(), " \u200b "))
                .isInstanceOf(InspraakException.class)
                .hasMessageContaining("error.theme.name-empty");
        assertThatThrownBy(() -> insights.nameTheme(c, first.anchorIdeaId(), "x".repeat(81)))
                .isInstanceOf(InspraakException.class)
                .hasMessageContaining("error.theme.name-long");
        long other = data.openConsultation();
        assertThatThrownBy(() -> insights.mergeThemes(other, second.anchorIdeaId(), first.anchorIdeaId()))
                .isInstanceOf(InspraakException.class);
        data.authenticate(data.user(Role.COUNCIL_MEMBER));
        assertThatThrownBy(() -> insights.nameTheme(c, first.anchorIdeaId(), "Anders"))
                .isInstanceOf(InspraakException.class);
    }

    @Test
    void onlySupportedIdeasAreStrongest() {
        long c = data.openConsultation();
        TestData.User author = data.user();
        long rejected = data.idea(
                c,
                author,
                "Parkeertarief in het centrum verhogen",
                "Parkeren in het centrum wordt duurder voor automobilisten.");
        long supported = data.idea(
                c,
                author,
                "Parkeertarief voor bezoekers verlagen",
                "Parkeren in het centrum wordt goedkoper voor bezoekers.");
        long split = data.idea(
                c,
                author,
                "Parkeergarage in het centrum 's nachts sluiten",
                "De parkeergarage in het centrum gaat 's nachts dicht voor automobilisten.");
        data.idea(
                c, author, "Meer bomen in de wijk planten", "Bomen planten in elke straat van de wijk geeft schaduw.");
        data.idea(
                c,
                author,
                "Bomen langs de straat behouden",
                "Oude bomen in de straat niet kappen maar behouden voor de wijk.");
        data.idea(c, author, "Geveltuinen in de straat", "Bewoners planten geveltuinen in hun straat en wijk.");
        data.idea(c, author, "Lantaarnpalen dimmen", "Lantaarnpalen branden minder fel om energie te besparen.");
        data.idea(
                c,
                author,
                "Ledlampen in lantaarnpalen",
                "Lantaarnpalen krijgen zuinige ledlampen om energie te besparen.");
        votes.voteAs(data.user().id(), rejected, VoteChoice.DISAGREE);
        votes.voteAs(data.user().id(), supported, VoteChoice.AGREE);
        votes.voteAs(data.user().id(), supported, VoteChoice.AGREE);
        votes.voteAs(data.user().id(), split, VoteChoice.AGREE);
        votes.voteAs(data.user().id(), split, VoteChoice.DISAGREE);
        // The running counts on ideas follow votes after commit; bring them up to date as the worker would.
        votes.catchUpCounts();
        data.authenticate(data.user(Role.MODERATOR));

        InsightService.Insights in = insights.computeNow(c);

        assertThat(in.themes()).isNotEmpty();
        assertThat(in.themes().stream().flatMap(t -> t.strongest().stream()))
                .allSatisfy(i -> assertThat(i.agree()).isGreaterThan(i.disagree()))
                .extracting(InsightService.IdeaRef::id)
                .contains(supported)
                .doesNotContain(rejected, split);
    }
}

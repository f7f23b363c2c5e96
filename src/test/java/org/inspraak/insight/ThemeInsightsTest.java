package org.inspraak.insight;

import org.inspraak.IntegrationTest;
import org.inspraak.TestData;
import org.inspraak.security.Role;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A theme's "strongest ideas" are ideas people support; an idea with 0 agree and 1 disagree is never one. */
class ThemeInsightsTest extends IntegrationTest {

    @Autowired
    InsightService insights;

    @Autowired
    VoteService votes;

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

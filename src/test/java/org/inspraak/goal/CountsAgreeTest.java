package org.inspraak.goal;

import java.time.Clock;
import java.time.Instant;

import org.inspraak.IntegrationTest;
import org.inspraak.TestData;
import org.inspraak.idea.IdeaService;
import org.inspraak.insight.InsightService;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.Role;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page that shows a count shows the same number: an idea's card and its thread agree on its reactions; the
 * insights, the outcome page's key figures and the goals agree on participants and reactions.
 */
class CountsAgreeTest extends IntegrationTest {

    @Autowired
    GoalService goals;

    @Autowired
    InsightService insights;

    @Autowired
    ReactionService reactions;

    @Autowired
    IdeaService ideas;

    @Autowired
    VoteService votes;

    @Autowired
    Clock clock;

    @Test
    void cardsThreadsInsightsAndGoalsCountAlike() {
        long c = data.openConsultation();
        TestData.User author = data.user();
        long idea = data.idea(c, author);
        Instant now = Instant.now(clock);
        long first = reactions.postAs(data.user().id(), false, idea, null, "Goed idee, doen!", now);
        reactions.postAs(data.user().id(), false, idea, first, "Eens, maar wel in overleg.", now);
        long rude = reactions.postAs(data.user().id(), false, idea, null, "Wat een onzin is dit.", now);
        TestData.User staff = data.user(Role.MODERATOR);
        reactions.postAs(staff.id(), true, idea, null, "Dank u, de gemeente bekijkt dit.", now);
        data.authenticate(staff);
        reactions.hide(rude, "Beledigend");
        TestData.User regrets = data.user();
        data.authenticate(regrets);
        long gone = reactions.post(idea, null, "Toch maar niet.", false);
        reactions.deleteOwn(gone);
        votes.voteAs(data.user().id(), idea, VoteChoice.AGREE);
        votes.catchUpCounts();

        // Readable: the first reaction, the reply and the municipality's answer.
        assertThat(ideas.find(idea).orElseThrow().reactions()).isEqualTo(3);
        assertThat(reactions.countVisible(idea)).isEqualTo(3);

        data.authenticate(data.user(Role.MODERATOR));
        InsightService.Insights in = insights.computeNow(c);
        InsightService.KeyFigures figures = insights.keyFigures(c);
        var measured = goals.measure(c);
        // The author, the two who reacted, and the voter; not the moderator, nor those whose reactions are gone.
        assertThat(in.participants()).isEqualTo(4);
        assertThat(figures.participants()).isEqualTo(4);
        assertThat(measured.get(GoalMetric.PARTICIPANTS)).isEqualTo(4.0);
        assertThat(in.reactionCount()).isEqualTo(3);
        assertThat(figures.reactions()).isEqualTo(3);
        assertThat(measured.get(GoalMetric.REACTIONS)).isEqualTo(3.0);
    }
}

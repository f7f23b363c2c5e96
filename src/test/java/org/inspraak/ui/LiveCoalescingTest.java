package org.inspraak.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import org.inspraak.KaribuTest;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaService.StoredCounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts are values, not changes: a part of a page that waited for its next update gets only the latest count that
 * concerns it, once, however many recounts came meanwhile (a busy evening has five a second).
 */
class LiveCoalescingTest extends KaribuTest {

    @Test
    void aPartGetsOnlyTheLatestCountThatConcernsIt() {
        ObjectProvider<ClusterChannel> none = ctx.getBeanProvider(ClusterChannel.class);
        // An hour between rounds: the test flushes by hand.
        Live live = new Live(none, Duration.ofHours(1));
        try {
            Div card = new Div();
            Div other = new Div();
            List<Integer> seen = new ArrayList<>();
            List<Integer> seenByOther = new ArrayList<>();
            live.subscribe(
                    card,
                    IdeaService.VotesCounted.class,
                    e -> e.of(7).isPresent(),
                    e -> seen.add(e.of(7).orElseThrow().agree()));
            live.subscribe(
                    other,
                    IdeaService.VotesCounted.class,
                    e -> e.of(8).isPresent(),
                    e -> seenByOther.add(e.of(8).orElseThrow().agree()));
            UI.getCurrent().add(card, other);

            live.deliver(counted(7, 1));
            live.deliver(counted(8, 5));
            live.deliver(counted(7, 2));
            live.deliver(counted(7, 3));
            live.deliver(counted(9, 4)); // concerns neither
            live.flush();
            MockVaadin.clientRoundtrip(false);

            assertThat(seen).containsExactly(3);
            assertThat(seenByOther).containsExactly(5);

            live.flush();
            MockVaadin.clientRoundtrip(false);
            assertThat(seen).as("nothing waits after a round").containsExactly(3);
        } finally {
            live.stop();
        }
    }

    private static IdeaService.VotesCounted counted(long idea, int agree) {
        return new IdeaService.VotesCounted(1, List.of(new StoredCounts(idea, agree, 0, 0)));
    }
}

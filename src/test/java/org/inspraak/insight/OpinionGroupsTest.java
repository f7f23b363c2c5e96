package org.inspraak.insight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The grouping on small hand-made matrices whose groups are known. */
class OpinionGroupsTest {

    /** Two camps that vote opposite on 10 ideas, with some noise and some unseen ideas. */
    private static OpinionGroups.Matrix twoCamps(int perCamp, long seed) {
        Random r = new Random(seed);
        int n = perCamp * 2;
        double[][] v = new double[n][10];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 10; j++) {
                double base = (i < perCamp) == (j < 5) ? 1 : -1;
                v[i][j] = r.nextDouble() < 0.1 ? -base : base;
            }
            // Each participant skipped one idea: sparse, but still at least 7 votes.
            v[i][r.nextInt(10)] = Double.NaN;
        }
        long[] p = new long[n];
        Arrays.setAll(p, i -> 100 + i);
        long[] ideas = new long[10];
        Arrays.setAll(ideas, j -> 1 + j);
        return new OpinionGroups.Matrix(p, ideas, v, new boolean[10]);
    }

    @Test
    void findsTwoCampsExactly() {
        OpinionGroups.Result r = OpinionGroups.compute(twoCamps(20, 1));
        assertThat(r.k()).isEqualTo(2);
        int first = r.group()[0];
        for (int i = 0; i < 40; i++) {
            assertThat(r.group()[i]).as("participant %d", i).isEqualTo(i < 20 ? first : 1 - first);
        }
    }

    @Test
    void sameDataSameGroups() {
        OpinionGroups.Matrix m = twoCamps(30, 2);
        assertThat(OpinionGroups.compute(m).group())
                .containsExactly(OpinionGroups.compute(m).group());
    }

    @Test
    void participantsWithFewerThanSevenVotesAreNotGrouped() {
        OpinionGroups.Matrix m = twoCamps(20, 3);
        double[][] v = m.votes();
        Arrays.fill(v[0], Double.NaN);
        v[0][0] = 1;
        v[0][1] = 1;
        OpinionGroups.Result r = OpinionGroups.compute(m);
        assertThat(r.group()[0]).isEqualTo(-1);
        assertThat(r.groupedCount()).isEqualTo(39);
    }

    /** Polis counts every vote for who is grouped, also votes on statements that were moderated out. */
    @Test
    void votesOnModeratedOutIdeasCountForWhoIsGrouped() {
        OpinionGroups.Matrix m = twoCamps(20, 4);
        boolean[] out = new boolean[10];
        Arrays.fill(out, 0, 2, true);
        // Participant 0 voted on 7 ideas, two of them moderated out: still 7 votes, so grouped.
        Arrays.fill(m.votes()[0], Double.NaN);
        for (int j = 0; j < 7; j++) {
            m.votes()[0][j] = 1;
        }
        OpinionGroups.Result r =
                OpinionGroups.compute(new OpinionGroups.Matrix(m.participants(), m.ideas(), m.votes(), out));
        assertThat(r.group()[0]).isNotEqualTo(-1);
        // Six votes are not enough, moderated out or not.
        m.votes()[0][6] = Double.NaN;
        r = OpinionGroups.compute(new OpinionGroups.Matrix(m.participants(), m.ideas(), m.votes(), out));
        assertThat(r.group()[0]).isEqualTo(-1);
    }

    /** While fewer than 15 people have 7 votes, the 15 most active voters are grouped (Polis's greedy-n). */
    @Test
    void theFifteenMostActiveVotersAreGroupedWhileFewQualify() {
        Random rnd = new Random(8);
        int n = 20;
        double[][] v = new double[n][10];
        for (int i = 0; i < n; i++) {
            Arrays.fill(v[i], Double.NaN);
            // Participant i casts 2 + i / 4 votes (2..6): nobody reaches 7.
            for (int j = 0; j < 2 + i / 4; j++) {
                v[i][j] = (i % 2 == 0) == (j % 2 == 0) ? 1 : rnd.nextBoolean() ? -1 : 0;
            }
        }
        long[] p = new long[n];
        Arrays.setAll(p, i -> 500 + i);
        long[] ideas = new long[10];
        Arrays.setAll(ideas, j -> 1 + j);
        OpinionGroups.Result r = OpinionGroups.compute(new OpinionGroups.Matrix(p, ideas, v, new boolean[10]));
        assertThat(r.state().inConversation()).hasSize(15);
        // The five least active (2 votes each) are left out.
        assertThat(r.state().inConversation()).doesNotContain(500L, 501L, 502L, 503L);
    }

    /** Once in the conversation, a participant stays in, even if their votes were later removed. */
    @Test
    void membershipIsSticky() {
        OpinionGroups.Matrix m = twoCamps(20, 9);
        OpinionGroups.Result first = OpinionGroups.compute(m);
        assertThat(first.groupOf(100)).isNotEqualTo(-1);
        Arrays.fill(m.votes()[0], Double.NaN);
        m.votes()[0][0] = 1;
        m.votes()[0][1] = 1;
        assertThat(OpinionGroups.compute(m).groupOf(100)).as("from scratch").isEqualTo(-1);
        assertThat(OpinionGroups.compute(m, first.state()).groupOf(100))
                .as("continuing")
                .isNotEqualTo(-1);
    }

    /** The shown number of groups changes only after the new number has won 4 updates in a row. */
    @Test
    void theNumberOfGroupsChangesOnlyAfterFourUpdatesInARow() {
        OpinionGroups.Result two = OpinionGroups.compute(twoCamps(30, 10));
        assertThat(two.k()).isEqualTo(2);
        OpinionGroups.Matrix three = threeCamps(11);
        OpinionGroups.State state = new OpinionGroups.State(
                List.of(), Map.of(), List.of(), Map.of(), two.state().smoother());
        List<Integer> shown = new ArrayList<>();
        for (int update = 0; update < 5; update++) {
            OpinionGroups.Result r = OpinionGroups.compute(three, state);
            shown.add(r.k());
            state = r.state();
        }
        assertThat(shown).containsExactly(2, 2, 2, 3, 3);
        assertThat(state.smoother()).isEqualTo(new OpinionGroups.KSmoother(3, 5, 3));
    }

    /** A live conversation continues from its state: the same data gives the same groups, no jumps. */
    @Test
    void continuingOnTheSameDataKeepsTheGroups() {
        OpinionGroups.Matrix m = twoCamps(30, 12);
        OpinionGroups.Result first = OpinionGroups.compute(m);
        OpinionGroups.Result again = OpinionGroups.compute(m, first.state());
        assertThat(again.group()).containsExactly(first.group());
        for (int i = 0; i < first.positions().length; i++) {
            assertThat(again.positions()[i][0]).isCloseTo(first.positions()[i][0], within(1e-6));
        }
    }

    /** Polis before October 2017 filled missing votes with 0; with none missing, that changes nothing. */
    @Test
    void zeroFilledMissingVotesAsPolisDidBefore2017() {
        OpinionGroups.Matrix sparse = twoCamps(20, 5);
        double[][] full = new double[40][];
        for (int i = 0; i < 40; i++) {
            full[i] = sparse.votes()[i].clone();
            for (int j = 0; j < full[i].length; j++) {
                full[i][j] = Double.isNaN(full[i][j]) ? 0 : full[i][j];
            }
        }
        OpinionGroups.Matrix dense =
                new OpinionGroups.Matrix(sparse.participants(), sparse.ideas(), full, new boolean[10]);
        OpinionGroups.Result mean = OpinionGroups.compute(dense);
        OpinionGroups.Result zero =
                OpinionGroups.compute(dense, OpinionGroups.State.EMPTY, OpinionGroups.MissingVotes.ZERO);
        assertThat(zero.group()).containsExactly(mean.group());
        for (int i = 0; i < 40; i++) {
            assertThat(zero.positions()[i][0]).isCloseTo(mean.positions()[i][0], within(1e-9));
            assertThat(zero.positions()[i][1]).isCloseTo(mean.positions()[i][1], within(1e-9));
        }
        // With votes missing, the centre is the column's sum over every participant, not over the voters only.
        OpinionGroups.Result sparseZero =
                OpinionGroups.compute(sparse, OpinionGroups.State.EMPTY, OpinionGroups.MissingVotes.ZERO);
        OpinionGroups.Result sparseMean = OpinionGroups.compute(sparse);
        for (int j = 0; j < 10; j++) {
            double sum = 0;
            int voters = 0;
            for (double[] row : sparse.votes()) {
                if (!Double.isNaN(row[j])) {
                    sum += row[j];
                    voters++;
                }
            }
            assertThat(sparseZero.center()[j]).isCloseTo(sum / 40, within(1e-12));
            assertThat(sparseMean.center()[j]).isCloseTo(sum / voters, within(1e-12));
        }
        assertThat(sparseZero.k()).isEqualTo(2);
    }

    private static OpinionGroups.Matrix threeCamps(long seed) {
        Random rnd = new Random(seed);
        int n = 60;
        double[][] v = new double[n][12];
        for (int i = 0; i < n; i++) {
            int camp = i / 20;
            for (int j = 0; j < 12; j++) {
                double base = j / 4 == camp ? 1 : -1;
                v[i][j] = rnd.nextDouble() < 0.05 ? -base : base;
            }
        }
        long[] p = new long[n];
        Arrays.setAll(p, i -> i);
        long[] ideas = new long[12];
        Arrays.setAll(ideas, j -> j);
        return new OpinionGroups.Matrix(p, ideas, v, new boolean[12]);
    }

    @Test
    void threeCampsGiveThreeGroups() {
        OpinionGroups.Result r = OpinionGroups.compute(threeCamps(5));
        assertThat(r.k()).isEqualTo(3);
        for (int camp = 0; camp < 3; camp++) {
            int label = r.group()[camp * 20];
            for (int i = camp * 20; i < camp * 20 + 20; i++) {
                assertThat(r.group()[i]).isEqualTo(label);
            }
        }
    }

    /** The three camps' votes with times: camps 0 and 1 first, one participant after another; camp 2 as given. */
    private static List<OpinionGroups.TimedVote> timed(OpinionGroups.Matrix m, boolean thirdCampAtOnce) {
        List<OpinionGroups.TimedVote> votes = new ArrayList<>();
        for (int i = 0; i < m.participants().length; i++) {
            for (int j = 0; j < m.ideas().length; j++) {
                long at = i < 40 || !thirdCampAtOnce ? i * 100L + j : 1_000_000L;
                votes.add(new OpinionGroups.TimedVote(m.participants()[i], m.ideas()[j], m.votes()[i][j], at));
            }
        }
        // In arrival order only by their times: the replay must sort them itself.
        java.util.Collections.shuffle(votes, new Random(3));
        return votes;
    }

    /**
     * A third camp that arrives all at once is a third group only in the last update, so Polis would not show it
     * yet; arriving over many updates, it wins 4 in a row and is shown.
     */
    @Test
    void theHistoryDecidesWhetherANewGroupIsShownYet() {
        OpinionGroups.Matrix m = threeCamps(5);
        assertThat(OpinionGroups.compute(m).k())
                .as("from the final votes alone")
                .isEqualTo(3);

        List<Double> progress = new ArrayList<>();
        OpinionGroups.State atOnce = OpinionGroups.history(m, timed(m, true), 1000, progress::add);
        assertThat(atOnce.smoother()).isNotNull();
        assertThat(atOnce.smoother().smoothedK()).isEqualTo(2);
        assertThat(atOnce.inConversation()).isEmpty();
        assertThat(atOnce.components()).isEmpty();
        assertThat(atOnce.baseClusters()).isEmpty();
        assertThat(atOnce.groupClusterings()).isEmpty();
        assertThat(progress).isNotEmpty().isSorted().allMatch(p -> p > 0 && p < 1);
        OpinionGroups.Result shown = OpinionGroups.compute(m, atOnce);
        assertThat(shown.k()).isEqualTo(2);
        assertThat(shown.state().smoother()).isEqualTo(new OpinionGroups.KSmoother(3, 1, 2));

        OpinionGroups.State gradual = OpinionGroups.history(m, timed(m, false), 1000, p -> {});
        assertThat(gradual.smoother().smoothedK()).isEqualTo(3);
        assertThat(OpinionGroups.compute(m, gradual).k()).isEqualTo(3);
        // Fewer, coarser updates see the same.
        assertThat(OpinionGroups.history(m, timed(m, false), 50, p -> {})
                        .smoother()
                        .smoothedK())
                .isEqualTo(3);

        // Without an earlier update there is no history: all votes at one moment, or a single update.
        List<OpinionGroups.TimedVote> sameMoment = timed(m, false).stream()
                .map(v -> new OpinionGroups.TimedVote(v.participant(), v.idea(), v.value(), 7))
                .toList();
        assertThat(OpinionGroups.history(m, sameMoment, 1000, p -> {})).isEqualTo(OpinionGroups.State.EMPTY);
        assertThat(OpinionGroups.history(m, timed(m, false), 1, p -> {})).isEqualTo(OpinionGroups.State.EMPTY);
    }

    @Test
    void representativeAndConsensusIdeas() {
        OpinionGroups.Matrix m = twoCamps(25, 6);
        // Idea 10 (index 9) is agreed by everyone: add a consensus column.
        double[][] v = new double[m.votes().length][11];
        for (int i = 0; i < v.length; i++) {
            System.arraycopy(m.votes()[i], 0, v[i], 0, 10);
            v[i][10] = 1;
        }
        long[] ideas = new long[11];
        Arrays.setAll(ideas, j -> 1 + j);
        OpinionGroups.Matrix m2 = new OpinionGroups.Matrix(m.participants(), ideas, v, new boolean[11]);
        OpinionGroups.Result r = OpinionGroups.compute(m2);
        GroupStatements.Analysis a = GroupStatements.analyse(m2, r, 5, 5);
        assertThat(a.consensus()).extracting(GroupStatements.Spread::ideaId).contains(11L);
        assertThat(a.divisive()).extracting(GroupStatements.Spread::ideaId).doesNotContain(11L);
        int campA = r.group()[0];
        List<Long> aIdeas = a.perGroup().get(campA).stream()
                .filter(GroupStatements.Representative::agree)
                .map(GroupStatements.Representative::ideaId)
                .toList();
        assertThat(aIdeas).isNotEmpty().allMatch(id -> id <= 5);
    }

    @Test
    void textAnalysis() {
        assertThat(TextAnalysis.polarity(TextAnalysis.sentiment("Dit is een geweldig en mooi plan")))
                .isEqualTo("POSITIVE");
        assertThat(TextAnalysis.polarity(TextAnalysis.sentiment("Wat een belachelijke verspilling, echt slecht")))
                .isEqualTo("NEGATIVE");
        assertThat(TextAnalysis.polarity(TextAnalysis.sentiment("Dit is niet goed")))
                .isEqualTo("NEGATIVE");
        assertThat(TextAnalysis.polarity(TextAnalysis.sentiment("De bibliotheek opent om negen uur")))
                .isEqualTo("NEUTRAL");
        List<TextAnalysis.Doc> docs = List.of(
                new TextAnalysis.Doc(1, "Bibliotheek in de wijk openhouden"),
                        new TextAnalysis.Doc(2, "De bibliotheek moet blijven"),
                new TextAnalysis.Doc(3, "Bibliotheken samenvoegen met het buurthuis"),
                        new TextAnalysis.Doc(4, "Parkeren in het centrum duurder maken"),
                new TextAnalysis.Doc(5, "Parkeertarieven centrum verhogen"),
                        new TextAnalysis.Doc(6, "Gratis parkeren centrum afschaffen"),
                new TextAnalysis.Doc(7, "Straatverlichting 's nachts dimmen"),
                        new TextAnalysis.Doc(8, "Straatverlichting vervangen door led"));
        List<TextAnalysis.Theme> themes = TextAnalysis.themes(docs);
        assertThat(themes).isNotEmpty();
        TextAnalysis.Theme library = themes.stream()
                .filter(t -> t.ideaIds().contains(1L))
                .findFirst()
                .orElseThrow();
        assertThat(library.ideaIds()).contains(2L).doesNotContain(5L);
        assertThat(library.label()).containsIgnoringCase("bibliothe");
    }
}

package org.inspraak.insight;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void votesOnModeratedOutIdeasDoNotCount() {
        OpinionGroups.Matrix m = twoCamps(20, 4);
        boolean[] out = new boolean[10];
        Arrays.fill(out, 0, 2, true);
        // Participant 0 voted on 8 ideas, but only 6 count once two of them are moderated out (8 remain).
        Arrays.fill(m.votes()[0], 1);
        m.votes()[0][8] = Double.NaN;
        m.votes()[0][9] = Double.NaN;
        OpinionGroups.Result r =
                OpinionGroups.compute(new OpinionGroups.Matrix(m.participants(), m.ideas(), m.votes(), out));
        assertThat(r.group()[0]).isEqualTo(-1);
    }

    @Test
    void threeCampsGiveThreeGroups() {
        Random rnd = new Random(5);
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
        OpinionGroups.Result r = OpinionGroups.compute(new OpinionGroups.Matrix(p, ideas, v, new boolean[12]));
        assertThat(r.k()).isEqualTo(3);
        for (int camp = 0; camp < 3; camp++) {
            int label = r.group()[camp * 20];
            for (int i = camp * 20; i < camp * 20 + 20; i++) {
                assertThat(r.group()[i]).isEqualTo(label);
            }
        }
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

package org.inspraak.polis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.inspraak.insight.GroupStatements;
import org.inspraak.insight.OpinionGroups;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Representative and consensus statements with Polis's own groups (the group-id column of the export), against a
 * small reference of the formulas in Polis's repness.clj, written out here independently.
 */
class PolisRepnessTest {

    @ParameterizedTest
    @ValueSource(strings = {"15-per-hour-seattle", "canadian-electoral-reform", "brexit-consensus"})
    void representativeStatementsAsPolisDefinesThem(String name) throws Exception {
        Path folder = Path.of("src/test/resources/polis", name);
        assertThat(folder).isDirectory();
        PolisFolder polis = PolisFolder.read(folder);
        OpinionGroups.Matrix m = polis.matrix();
        List<Integer> gids = new ArrayList<>(new TreeSet<>(polis.polisGroups().values()));
        int[] group = new int[m.participants().length];
        for (int i = 0; i < group.length; i++) {
            Integer g = polis.polisGroups().get(m.participants()[i]);
            group[i] = g == null ? -1 : gids.indexOf(g);
        }
        int k = gids.size();
        OpinionGroups.Result polisGroups = new OpinionGroups.Result(
                m.participants(),
                new double[group.length][2],
                group,
                k,
                0,
                new double[2][m.ideas().length],
                new double[m.ideas().length],
                OpinionGroups.State.EMPTY);

        GroupStatements.Analysis ours = GroupStatements.analyse(m, polisGroups, 5, 1000);

        for (int g = 0; g < k; g++) {
            List<Reference> expected = reference(m, group, k, g);
            assertThat(ours.perGroup().get(g))
                    .as("group %d of %s", g, name)
                    .extracting(GroupStatements.Representative::ideaId, GroupStatements.Representative::agree)
                    .containsExactlyElementsOf(expected.stream()
                            .map(r -> org.assertj.core.groups.Tuple.tuple(r.tid, r.agree))
                            .toList());
            assertThat(ours.perGroup().get(g)).isNotEmpty().hasSizeLessThanOrEqualTo(5);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(ours.perGroup().get(g).get(i).z()).isCloseTo(expected.get(i).test, within(1e-9));
            }
        }
        // Group-aware consensus: the product over groups of (A + 1) / (S + 2).
        for (GroupStatements.Spread s : ours.consensus()) {
            int j = indexOf(m.ideas(), s.ideaId());
            double product = 1;
            for (int g = 0; g < k; g++) {
                int[] c = counts(m, group, g, j);
                product *= (c[0] + 1.0) / (c[2] + 2.0);
            }
            assertThat(s.consensus()).isCloseTo(product, within(1e-12));
        }
        assertThat(ours.consensus())
                .isSortedAccordingTo(Comparator.comparingDouble(GroupStatements.Spread::consensus)
                        .reversed());
    }

    private record Reference(long tid, boolean agree, double test) {}

    /** Polis's select-rep-comments for group g, from repness.clj. */
    private static List<Reference> reference(OpinionGroups.Matrix m, int[] group, int k, int g) {
        List<Map<String, Double>> all = new ArrayList<>();
        for (int j = 0; j < m.ideas().length; j++) {
            if (m.moderatedOut()[j]) {
                continue;
            }
            int[] in = counts(m, group, g, j);
            int[] rest = new int[3];
            for (int h = 0; h < k; h++) {
                if (h != g) {
                    int[] c = counts(m, group, h, j);
                    for (int x = 0; x < 3; x++) {
                        rest[x] += c[x];
                    }
                }
            }
            if (in[2] + rest[2] == 0) {
                continue;
            }
            Map<String, Double> s = new HashMap<>();
            s.put("tid", (double) m.ideas()[j]);
            s.put("na", (double) in[0]);
            s.put("nd", (double) in[1]);
            s.put("pa", (1.0 + in[0]) / (2.0 + in[2]));
            s.put("pd", (1.0 + in[1]) / (2.0 + in[2]));
            s.put("pat", propTest(in[0], in[2]));
            s.put("pdt", propTest(in[1], in[2]));
            s.put("ra", s.get("pa") / ((1.0 + rest[0]) / (2.0 + rest[2])));
            s.put("rd", s.get("pd") / ((1.0 + rest[1]) / (2.0 + rest[2])));
            s.put("rat", twoPropTest(in[0], rest[0], in[2], rest[2]));
            s.put("rdt", twoPropTest(in[1], rest[1], in[2], rest[2]));
            all.add(s);
        }
        List<Map<String, Double>> sufficient = new ArrayList<>();
        Map<String, Double> best = null;
        Map<String, Double> bestAgree = null;
        for (Map<String, Double> s : all) {
            boolean passes = (s.get("rat") > 1.2816 && s.get("pat") > 1.2816)
                    || (s.get("rdt") > 1.2816 && s.get("pdt") > 1.2816);
            if (passes) {
                sufficient.add(s);
            }
            if (sufficient.isEmpty() && (best == null || Math.max(s.get("rat"), s.get("rdt")) > finalTest(best))) {
                best = s;
            }
            boolean beatsAgree;
            if (s.get("na") == 0 && s.get("nd") == 0) {
                beatsAgree = false;
            } else if (bestAgree != null && bestAgree.get("ra") > 1.0) {
                beatsAgree = product(s, "ra", "rat", "pa", "pat") > product(bestAgree, "ra", "rat", "pa", "pat");
            } else if (bestAgree != null) {
                beatsAgree = product(s, "pa", "pat") > product(bestAgree, "pa", "pat");
            } else {
                beatsAgree = s.get("pat") > 1.2816 || (s.get("ra") > 1.0 && s.get("pa") > 0.5);
            }
            if (beatsAgree) {
                bestAgree = s;
            }
        }
        List<Map<String, Double>> chosen = new ArrayList<>();
        if (sufficient.isEmpty()) {
            if (bestAgree != null) {
                chosen.add(bestAgree);
            } else if (best != null) {
                chosen.add(best);
            }
        } else {
            if (bestAgree != null) {
                chosen.add(bestAgree);
            }
            Map<String, Double> head = bestAgree;
            sufficient.stream()
                    .filter(s -> head == null || !s.get("tid").equals(head.get("tid")))
                    .sorted(Comparator.comparingDouble((Map<String, Double> s) -> -metric(s)))
                    .forEach(chosen::add);
            chosen = new ArrayList<>(chosen.subList(0, Math.min(5, chosen.size())));
            List<Map<String, Double>> ordered = new ArrayList<>();
            chosen.stream().filter(s -> s.get("rat") > s.get("rdt")).forEach(ordered::add);
            chosen.stream().filter(s -> !(s.get("rat") > s.get("rdt"))).forEach(ordered::add);
            chosen = ordered;
        }
        return chosen.stream()
                .map(s -> new Reference(s.get("tid").longValue(), s.get("rat") > s.get("rdt"), finalTest(s)))
                .toList();
    }

    private static double finalTest(Map<String, Double> s) {
        return s.get("rat") > s.get("rdt") ? s.get("rat") : s.get("rdt");
    }

    private static double metric(Map<String, Double> s) {
        return s.get("rat") > s.get("rdt")
                ? product(s, "ra", "rat", "pa", "pat")
                : product(s, "rd", "rdt", "pd", "pdt");
    }

    private static double product(Map<String, Double> s, String... keys) {
        double p = 1;
        for (String key : keys) {
            p *= s.get(key);
        }
        return p;
    }

    private static double propTest(int success, int n) {
        return 2 * Math.sqrt(n + 1.0) * ((success + 1.0) / (n + 1.0) - 0.5);
    }

    private static double twoPropTest(int succIn, int succOut, int popIn, int popOut) {
        double s1 = succIn + 1, s2 = succOut + 1, n1 = popIn + 1, n2 = popOut + 1;
        double pi = (s1 + s2) / (n1 + n2);
        if (pi == 1) {
            return 0;
        }
        return (s1 / n1 - s2 / n2) / Math.sqrt(pi * (1 - pi) * (1 / n1 + 1 / n2));
    }

    /** Agrees, disagrees and all votes (passes included) of group g on column j. */
    private static int[] counts(OpinionGroups.Matrix m, int[] group, int g, int j) {
        int[] c = new int[3];
        IntStream.range(0, group.length)
                .filter(i -> group[i] == g && !Double.isNaN(m.votes()[i][j]))
                .forEach(i -> {
                    double v = m.votes()[i][j];
                    if (v > 0) {
                        c[0]++;
                    } else if (v < 0) {
                        c[1]++;
                    }
                    c[2]++;
                });
        return c;
    }

    private static int indexOf(long[] ids, long id) {
        for (int j = 0; j < ids.length; j++) {
            if (ids[j] == id) {
                return j;
            }
        }
        throw new IllegalArgumentException("no idea " + id);
    }
}

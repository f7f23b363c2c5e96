package org.inspraak.insight;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.inspraak.polis.PolisAgreementTest;
import org.inspraak.polis.PolisFolder;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the final data admit: Polis's own groups placed on our final map. Each base cluster goes to the Polis group
 * most of its members are in (the best any grouping of our base clusters can agree with Polis), and the group
 * k-means is started from there and run to its optimum, as it would be from any start. If that optimum had a lower
 * weighted inertia than the grouping we show, our choice among k-means optima would be the fault; the test holds
 * that it never is, on the shipped exports. The figures are printed and reported in the README; exports in the
 * folder named by {@code polis.exports} are measured, not held to it.
 */
class PolisOptimaTest {

    @TestFactory
    Stream<DynamicTest> oursIsNeverAWorseKMeansOptimumThanPolissGroups() throws IOException {
        Path measured = PolisAgreementTest.measuredRoot();
        return PolisAgreementTest.exports().stream()
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                    PolisFolder folder = PolisFolder.read(f);
                    OpinionGroups.Result r = OpinionGroups.compute(folder.matrix(), folder.history(p -> {}));
                    Map<Long, Integer> polis = folder.polisGroups();
                    int k = (int) polis.values().stream().distinct().count();
                    List<OpinionGroups.Cluster> bases = r.state().baseClusters();
                    List<OpinionGroups.Point> points = new ArrayList<>();
                    bases.forEach(b -> points.add(new OpinionGroups.Point(
                            b.id(), b.center(), b.members().size())));
                    List<OpinionGroups.Cluster> ours =
                            r.state().groupClusterings().get(k);
                    List<OpinionGroups.Cluster> majority = majority(bases, points, polis);
                    List<OpinionGroups.Cluster> fromPolis = OpinionGroups.kmeans(points, k, majority, 100, true);
                    // Polis's own start without history: the first k distinct base clusters (init-clusters).
                    List<OpinionGroups.Cluster> firstK = new ArrayList<>();
                    Set<List<Double>> distinct = new HashSet<>();
                    for (OpinionGroups.Cluster b : bases) {
                        if (firstK.size() < k && distinct.add(List.of(b.center()[0], b.center()[1]))) {
                            firstK.add(new OpinionGroups.Cluster(firstK.size(), List.of(b.id()), b.center()));
                        }
                    }
                    List<OpinionGroups.Cluster> polisStart = OpinionGroups.kmeans(points, k, firstK, 100, true);
                    double oursInertia = ours == null ? Double.NaN : inertia(points, ours);
                    double polisInertia = inertia(points, fromPolis);
                    System.out.printf(
                            "Optima %s (k=%d): ours %.3f (inertia %.1f); Polis's groups on our base clusters %.3f;"
                                    + " k-means from them %.3f (inertia %.1f, %+.2f %%); from Polis's own start %.3f%n",
                            f.getFileName(),
                            k,
                            ours == null ? Double.NaN : ari(bases, ours, polis),
                            oursInertia,
                            ari(bases, majority, polis),
                            ari(bases, fromPolis, polis),
                            polisInertia,
                            100 * (polisInertia / oursInertia - 1),
                            ari(bases, polisStart, polis));
                    if (measured != null && f.startsWith(measured)
                            || PolisAgreementTest.BEFORE_THE_FIX.contains(
                                    f.getFileName().toString())) {
                        return;
                    }
                    assertThat(ours).as("a grouping for Polis's k").isNotNull();
                    assertThat(oursInertia)
                            .as("weighted inertia of ours against the optimum from Polis's groups")
                            .isLessThanOrEqualTo(polisInertia * (1 + 1e-9));
                }));
    }

    /** Every base cluster in the Polis group most of its grouped members are in. */
    private static List<OpinionGroups.Cluster> majority(
            List<OpinionGroups.Cluster> bases, List<OpinionGroups.Point> points, Map<Long, Integer> polis) {
        Map<Integer, List<Long>> byGroup = new TreeMap<>();
        for (OpinionGroups.Cluster b : bases) {
            Map<Integer, Integer> count = new HashMap<>();
            b.members().stream().filter(polis::containsKey).forEach(p -> count.merge(polis.get(p), 1, Integer::sum));
            int g = count.isEmpty()
                    ? -1
                    : Collections.max(count.entrySet(), Map.Entry.comparingByValue())
                            .getKey();
            byGroup.computeIfAbsent(g, x -> new ArrayList<>()).add(b.id());
        }
        List<OpinionGroups.Cluster> out = new ArrayList<>();
        byGroup.values().forEach(ids -> out.add(new OpinionGroups.Cluster(out.size(), ids, center(points, ids))));
        return out;
    }

    private static double[] center(List<OpinionGroups.Point> points, List<Long> ids) {
        Set<Long> in = new HashSet<>(ids);
        double[] c = new double[2];
        double total = 0;
        for (OpinionGroups.Point p : points) {
            if (in.contains(p.id())) {
                total += p.weight();
                c[0] += p.weight() * p.position()[0];
                c[1] += p.weight() * p.position()[1];
            }
        }
        return new double[] {c[0] / total, c[1] / total};
    }

    /** Weighted within-group sum of squares, around each group's weighted mean. */
    private static double inertia(List<OpinionGroups.Point> points, List<OpinionGroups.Cluster> groups) {
        Map<Long, OpinionGroups.Point> byId = new HashMap<>();
        points.forEach(p -> byId.put(p.id(), p));
        double sum = 0;
        for (OpinionGroups.Cluster g : groups) {
            double[] c = center(points, g.members());
            for (long id : g.members()) {
                OpinionGroups.Point p = byId.get(id);
                double dx = p.position()[0] - c[0];
                double dy = p.position()[1] - c[1];
                sum += p.weight() * (dx * dx + dy * dy);
            }
        }
        return sum;
    }

    /** ARI against Polis over the participants Polis grouped, through the base clusters. */
    private static double ari(
            List<OpinionGroups.Cluster> bases, List<OpinionGroups.Cluster> groups, Map<Long, Integer> polis) {
        Map<Long, Integer> groupOfBase = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (long b : groups.get(g).members()) {
                groupOfBase.put(b, g);
            }
        }
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        for (OpinionGroups.Cluster base : bases) {
            for (long p : base.members()) {
                if (polis.containsKey(p)) {
                    a.add(groupOfBase.get(base.id()));
                    b.add(polis.get(p));
                }
            }
        }
        return PolisAgreementTest.adjustedRand(a, b);
    }
}

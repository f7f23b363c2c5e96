package org.inspraak.insight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What each opinion group stands for, and what all groups share, from the vote matrix and the grouping.
 *
 * <p>Rates are smoothed as in Polis, (n + 1) / (seen + 2), so an idea seen by three people cannot look unanimous.
 * An idea represents a group when the group agrees (or disagrees) clearly more than the rest: a two-proportion
 * z-test at 90 % one-sided (z &gt; 1.2816) and a one-proportion test that the group's rate exceeds one half.
 */
public final class GroupStatements {

    static final double Z90 = 1.2816;

    private GroupStatements() {}

    /** An idea that distinguishes a group: its agree or disagree rate there against the rest. */
    public record Representative(
            long ideaId,
            int group,
            boolean agree,
            double groupRate,
            double restRate,
            double ratio,
            double z,
            int seen) {}

    /** An idea with its smoothed agree rate per group. */
    public record Spread(long ideaId, double[] agreeRates, double minAgree, double maxAgree) {
        public double divide() {
            return maxAgree - minAgree;
        }
    }

    public record Analysis(List<List<Representative>> perGroup, List<Spread> consensus, List<Spread> divisive) {}

    public static Analysis analyse(OpinionGroups.Matrix m, OpinionGroups.Result r, int perGroupLimit, int limit) {
        int k = r.k();
        int cols = m.ideas().length;
        List<List<Representative>> perGroup = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            perGroup.add(new ArrayList<>());
        }
        List<Spread> spreads = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            if (m.moderatedOut()[j]) {
                continue;
            }
            int[] agree = new int[k];
            int[] disagree = new int[k];
            int[] seen = new int[k];
            for (int i = 0; i < r.group().length; i++) {
                int g = r.group()[i];
                double v = m.votes()[i][j];
                if (g < 0 || Double.isNaN(v)) {
                    continue;
                }
                seen[g]++;
                if (v > 0) {
                    agree[g]++;
                } else if (v < 0) {
                    disagree[g]++;
                }
            }
            int totalSeen = sum(seen);
            if (k < 2 || totalSeen == 0) {
                continue;
            }
            double[] rates = new double[k];
            for (int g = 0; g < k; g++) {
                rates[g] = smoothed(agree[g], seen[g]);
                int restSeen = totalSeen - seen[g];
                for (boolean isAgree : new boolean[] {true, false}) {
                    int n = isAgree ? agree[g] : disagree[g];
                    int restN = (isAgree ? sum(agree) : sum(disagree)) - n;
                    double p = smoothed(n, seen[g]);
                    double q = smoothed(restN, restSeen);
                    double z = twoProportionZ(n, seen[g], restN, restSeen);
                    if (seen[g] >= 3 && z > Z90 && oneProportionZ(n, seen[g]) > Z90) {
                        perGroup.get(g).add(new Representative(m.ideas()[j], g, isAgree, p, q, p / q, z, seen[g]));
                    }
                }
            }
            double min = Arrays.stream(rates).min().orElse(0);
            double max = Arrays.stream(rates).max().orElse(0);
            spreads.add(new Spread(m.ideas()[j], rates, min, max));
        }
        for (List<Representative> list : perGroup) {
            list.sort(Comparator.comparingDouble((Representative x) -> x.ratio() * x.groupRate())
                    .reversed());
            if (list.size() > perGroupLimit) {
                list.subList(perGroupLimit, list.size()).clear();
            }
        }
        List<Spread> consensus = spreads.stream()
                .filter(s -> s.minAgree() > 0.5)
                .sorted(Comparator.comparingDouble(Spread::minAgree).reversed())
                .limit(limit)
                .toList();
        List<Spread> divisive = spreads.stream()
                .filter(s -> s.divide() >= 0.3)
                .sorted(Comparator.comparingDouble(Spread::divide).reversed())
                .limit(limit)
                .toList();
        return new Analysis(perGroup, consensus, divisive);
    }

    static double smoothed(int n, int seen) {
        return (n + 1.0) / (seen + 2.0);
    }

    /** z for "rate 1 is larger than rate 2", with the pooled standard error and Polis's +1 smoothing. */
    static double twoProportionZ(int n1, int seen1, int n2, int seen2) {
        double p1 = (n1 + 1.0) / (seen1 + 2.0);
        double p2 = (n2 + 1.0) / (seen2 + 2.0);
        double pooled = (n1 + n2 + 1.0) / (seen1 + seen2 + 2.0);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / (seen1 + 2) + 1.0 / (seen2 + 2)));
        return se == 0 ? 0 : (p1 - p2) / se;
    }

    /** z for "more than half", with the same smoothing. */
    static double oneProportionZ(int n, int seen) {
        double p = (n + 1.0) / (seen + 2.0);
        return 2 * Math.sqrt(seen + 2.0) * (p - 0.5);
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int x : a) {
            s += x;
        }
        return s;
    }
}

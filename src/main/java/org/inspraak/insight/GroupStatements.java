package org.inspraak.insight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What each opinion group stands for, and what all groups share, exactly as Polis's {@code repness.clj} and
 * {@code conversation.clj} define it.
 *
 * <p>Per idea and group: na, nd and ns (agrees, disagrees and all votes, passes included) and the smoothed rates
 * pa = (1 + na) / (2 + ns), pd likewise; one-proportion tests of pa and pd against one half; the same counts summed
 * over the other groups, the ratios ra = pa / rest-pa and rd, and two-proportion z-tests of the group against the
 * rest. An idea represents a group when both tests pass at 90 % (z &gt; 1.2816) for agreement or for disagreement;
 * at most 5 per group, sorted by ratio × test × rate × test, with the group's best-agreed idea first and agreements
 * before disagreements. When no idea passes, the best candidate is shown alone. Consensus is group-aware: the
 * product over groups of (A + 1) / (S + 2).
 */
public final class GroupStatements {

    static final double Z90 = 1.2816;
    static final int PER_GROUP = 5;

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

        /** Polis's group-aware consensus: the product of the groups' smoothed agree rates. */
        public double consensus() {
            double p = 1;
            for (double r : agreeRates) {
                p *= r;
            }
            return p;
        }
    }

    public record Analysis(List<List<Representative>> perGroup, List<Spread> consensus, List<Spread> divisive) {}

    /** Counts and tests of one idea in one group against the other groups (Polis's comment-stats). */
    record Stats(
            long ideaId,
            int na,
            int nd,
            int ns,
            double pa,
            double pd,
            double pat,
            double pdt,
            double restPa,
            double restPd,
            double ra,
            double rd,
            double rat,
            double rdt) {

        boolean passes() {
            return (rat > Z90 && pat > Z90) || (rdt > Z90 && pdt > Z90);
        }

        boolean agree() {
            return rat > rdt;
        }

        double repnessTest() {
            return agree() ? rat : rdt;
        }

        double metric() {
            return agree() ? ra * rat * pa * pat : rd * rdt * pd * pdt;
        }

        Representative finish(int group) {
            return agree()
                    ? new Representative(ideaId, group, true, pa, restPa, ra, rat, ns)
                    : new Representative(ideaId, group, false, pd, restPd, rd, rdt, ns);
        }
    }

    public static Analysis analyse(OpinionGroups.Matrix m, OpinionGroups.Result r, int perGroupLimit, int limit) {
        int k = r.k();
        int cols = m.ideas().length;
        List<List<Stats>> statsPerGroup = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            statsPerGroup.add(new ArrayList<>());
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
            if (k < 2 || sum(seen) == 0) {
                continue;
            }
            double[] rates = new double[k];
            for (int g = 0; g < k; g++) {
                rates[g] = smoothed(agree[g], seen[g]);
                int restA = sum(agree) - agree[g];
                int restD = sum(disagree) - disagree[g];
                int restS = sum(seen) - seen[g];
                double pa = smoothed(agree[g], seen[g]);
                double pd = smoothed(disagree[g], seen[g]);
                double restPa = smoothed(restA, restS);
                double restPd = smoothed(restD, restS);
                statsPerGroup
                        .get(g)
                        .add(new Stats(
                                m.ideas()[j],
                                agree[g],
                                disagree[g],
                                seen[g],
                                pa,
                                pd,
                                oneProportionZ(agree[g], seen[g]),
                                oneProportionZ(disagree[g], seen[g]),
                                restPa,
                                restPd,
                                pa / restPa,
                                pd / restPd,
                                twoProportionZ(agree[g], restA, seen[g], restS),
                                twoProportionZ(disagree[g], restD, seen[g], restS)));
            }
            double min = Arrays.stream(rates).min().orElse(0);
            double max = Arrays.stream(rates).max().orElse(0);
            spreads.add(new Spread(m.ideas()[j], rates, min, max));
        }
        List<List<Representative>> perGroup = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            perGroup.add(select(statsPerGroup.get(g), g, perGroupLimit));
        }
        List<Spread> consensus = spreads.stream()
                .filter(s -> s.minAgree() > 0.5)
                .sorted(Comparator.comparingDouble(Spread::consensus).reversed())
                .limit(limit)
                .toList();
        List<Spread> divisive = spreads.stream()
                .filter(s -> s.divide() >= 0.3)
                .sorted(Comparator.comparingDouble(Spread::divide).reversed())
                .limit(limit)
                .toList();
        return new Analysis(perGroup, consensus, divisive);
    }

    /** Polis's select-rep-comments for one group. */
    static List<Representative> select(List<Stats> stats, int group, int limit) {
        List<Stats> sufficient = new ArrayList<>();
        Stats best = null;
        Stats bestAgree = null;
        for (Stats s : stats) {
            if (s.passes()) {
                sufficient.add(s);
            }
            if (sufficient.isEmpty() && (best == null || Math.max(s.rat(), s.rdt()) > best.repnessTest())) {
                best = s;
            }
            if (beatsBestAgree(s, bestAgree)) {
                bestAgree = s;
            }
        }
        if (sufficient.isEmpty()) {
            if (bestAgree != null) {
                return List.of(asAgree(bestAgree, group));
            }
            return best == null ? List.of() : List.of(best.finish(group));
        }
        Stats head = bestAgree;
        List<Representative> chosen = new ArrayList<>();
        if (head != null) {
            chosen.add(asAgree(head, group));
        }
        sufficient.stream()
                .filter(s -> head == null || s.ideaId() != head.ideaId())
                .sorted(Comparator.comparingDouble(Stats::metric).reversed())
                .map(s -> s.finish(group))
                .forEach(chosen::add);
        List<Representative> top = chosen.subList(0, Math.min(limit, chosen.size()));
        List<Representative> ordered = new ArrayList<>();
        top.stream().filter(Representative::agree).forEach(ordered::add);
        top.stream().filter(x -> !x.agree()).forEach(ordered::add);
        return ordered;
    }

    /** Polis finalises the best-agree idea by the larger of its two tests, like any other. */
    private static Representative asAgree(Stats s, int group) {
        return s.finish(group);
    }

    /** Polis's beats-best-agr?. */
    private static boolean beatsBestAgree(Stats s, Stats current) {
        if (s.na() == 0 && s.nd() == 0) {
            return false;
        }
        if (current != null && current.ra() > 1.0) {
            return s.ra() * s.rat() * s.pa() * s.pat() > current.ra() * current.rat() * current.pa() * current.pat();
        }
        if (current != null) {
            return s.pa() * s.pat() > current.pa() * current.pat();
        }
        return s.pat() > Z90 || (s.ra() > 1.0 && s.pa() > 0.5);
    }

    static double smoothed(int n, int seen) {
        return (n + 1.0) / (seen + 2.0);
    }

    /** Polis's two-prop-test: every count plus one, pooled standard error; 0 when the pooled rate is 1. */
    static double twoProportionZ(int successIn, int successOut, int seenIn, int seenOut) {
        double s1 = successIn + 1.0;
        double s2 = successOut + 1.0;
        double n1 = seenIn + 1.0;
        double n2 = seenOut + 1.0;
        double pi1 = s1 / n1;
        double pi2 = s2 / n2;
        double pooled = (s1 + s2) / (n1 + n2);
        if (pooled == 1) {
            return 0;
        }
        return (pi1 - pi2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    }

    /** Polis's prop-test: 2 √(n + 1) ((s + 1) / (n + 1) − ½). */
    static double oneProportionZ(int success, int seen) {
        double s = success + 1.0;
        double n = seen + 1.0;
        return 2 * Math.sqrt(n) * (s / n - 0.5);
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int x : a) {
            s += x;
        }
        return s;
    }
}

package org.inspraak.insight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Polis-style opinion groups from a participant × idea vote matrix (agree 1, disagree −1, pass 0, unseen NaN).
 *
 * <p>The method follows Polis's published mathematics: votes on moderated-out ideas are zeroed; unseen votes are
 * imputed with the idea's mean for the PCA; every participant is projected onto the first two components using
 * only the ideas they voted on, scaled by sqrt(ideas / votes) so sparse voters are not pulled to the centre;
 * participants with at least {@value #MIN_VOTES} votes on ideas that were not moderated out are clustered, first
 * into up to {@value #BASE_K} small base clusters, then the weighted base clusters into 2..5 groups, choosing k by
 * silhouette. Everything is deterministic (fixed seeds), so the same data gives the same groups.
 */
public final class OpinionGroups {

    public static final int MIN_VOTES = 7;
    static final int BASE_K = 100;
    static final int MAX_K = 5;
    private static final int TRIALS = 30;
    static final double K_MARGIN = 0.05;
    private static final long SEED = 20140618L;

    private OpinionGroups() {}

    /** The vote matrix; rows are participants, columns ideas. */
    public record Matrix(long[] participants, long[] ideas, double[][] votes, boolean[] moderatedOut) {
        public Matrix {
            if (votes.length != participants.length || moderatedOut.length != ideas.length) {
                throw new IllegalArgumentException("matrix dimensions do not match");
            }
        }
    }

    /** The grouping: 2-D positions of all participants, and a group (0-based) for each grouped one, or −1. */
    public record Result(
            long[] participants,
            double[][] positions,
            int[] group,
            int k,
            double silhouette,
            double[][] components,
            double[] center) {

        public int groupOf(long participantId) {
            for (int i = 0; i < participants.length; i++) {
                if (participants[i] == participantId) {
                    return group[i];
                }
            }
            return -1;
        }

        public int groupedCount() {
            return (int) Arrays.stream(group).filter(g -> g >= 0).count();
        }

        /** Grouped participants and their group, in matrix order. */
        public Map<Long, Integer> groups() {
            Map<Long, Integer> m = new LinkedHashMap<>();
            for (int i = 0; i < participants.length; i++) {
                if (group[i] >= 0) {
                    m.put(participants[i], group[i]);
                }
            }
            return m;
        }
    }

    public static Result compute(Matrix m) {
        int rows = m.participants().length;
        int cols = m.ideas().length;
        double[][] rating = new double[rows][];
        boolean[] inConversation = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            rating[i] = m.votes()[i].clone();
            int counted = 0;
            for (int j = 0; j < cols; j++) {
                if (m.moderatedOut()[j]) {
                    rating[i][j] = 0; // Polis zeroes moderated-out columns for everyone
                } else if (!Double.isNaN(rating[i][j])) {
                    counted++;
                }
            }
            inConversation[i] = counted >= Math.min(MIN_VOTES, Math.max(1, countIn(m.moderatedOut())));
        }
        double[][] positions = new double[rows][2];
        double[][] comps = new double[2][cols];
        double[] center = new double[cols];
        int[] group = new int[rows];
        Arrays.fill(group, -1);
        if (rows < 2 || cols < 2) {
            return new Result(m.participants(), positions, group, 0, 0, comps, center);
        }
        pca(rating, comps, center);
        for (int i = 0; i < rows; i++) {
            positions[i] = project(rating[i], comps, center);
        }
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            if (inConversation[i]) {
                members.add(i);
            }
        }
        if (members.size() < 4) {
            return new Result(m.participants(), positions, group, 0, 0, comps, center);
        }
        Clustering c = cluster(members.stream().map(i -> positions[i]).toList());
        for (int n = 0; n < members.size(); n++) {
            group[members.get(n)] = c.labels[n];
        }
        return new Result(m.participants(), positions, group, c.k, c.silhouette, comps, center);
    }

    private static int countIn(boolean[] out) {
        int n = 0;
        for (boolean b : out) {
            if (!b) {
                n++;
            }
        }
        return n;
    }

    /**
     * First two principal components of the mean-imputed matrix. With unseen votes imputed by the idea's mean, the
     * centred matrix is zero wherever nobody voted, so it is kept sparse (only cast votes) and the components are
     * found by power iteration on XᵀX with deflation — Polis's own method — in time proportional to the number of
     * votes rather than ideas squared.
     */
    static void pca(double[][] rating, double[][] comps, double[] center) {
        int cols = center.length;
        double[] colMean = new double[cols];
        int[] seen = new int[cols];
        for (double[] row : rating) {
            for (int j = 0; j < cols; j++) {
                if (!Double.isNaN(row[j])) {
                    colMean[j] += row[j];
                    seen[j]++;
                }
            }
        }
        for (int j = 0; j < cols; j++) {
            colMean[j] = seen[j] == 0 ? 0 : colMean[j] / seen[j];
        }
        System.arraycopy(colMean, 0, center, 0, cols);
        // Sparse rows of the centred matrix: column indexes and values of cast votes.
        int[][] idx = new int[rating.length][];
        double[][] val = new double[rating.length][];
        for (int i = 0; i < rating.length; i++) {
            int n = 0;
            for (double v : rating[i]) {
                if (!Double.isNaN(v)) {
                    n++;
                }
            }
            idx[i] = new int[n];
            val[i] = new double[n];
            int k = 0;
            for (int j = 0; j < cols; j++) {
                if (!Double.isNaN(rating[i][j])) {
                    idx[i][k] = j;
                    val[i][k++] = rating[i][j] - colMean[j];
                }
            }
        }
        for (int c = 0; c < 2; c++) {
            double[] v = powerIteration(idx, val, cols, c == 0 ? null : comps[0]);
            // A fixed sign convention keeps the map from flipping between recomputations.
            double sum = 0;
            for (double x : v) {
                sum += x;
            }
            double sign = sum < 0 ? -1 : 1;
            for (int j = 0; j < cols; j++) {
                comps[c][j] = sign * v[j];
            }
        }
    }

    /** The dominant eigenvector of XᵀX (X sparse), orthogonal to {@code against} when given. */
    private static double[] powerIteration(int[][] idx, double[][] val, int cols, double[] against) {
        double[] v = new double[cols];
        Arrays.fill(v, 1.0 / Math.sqrt(Math.max(1, cols)));
        if (against != null) {
            orthogonalise(v, against);
        }
        double[] next = new double[cols];
        double lastNorm = 0;
        for (int iter = 0; iter < 1000; iter++) {
            Arrays.fill(next, 0);
            for (int i = 0; i < idx.length; i++) {
                double dot = 0;
                int[] ix = idx[i];
                double[] vx = val[i];
                for (int k = 0; k < ix.length; k++) {
                    dot += vx[k] * v[ix[k]];
                }
                if (dot != 0) {
                    for (int k = 0; k < ix.length; k++) {
                        next[ix[k]] += dot * vx[k];
                    }
                }
            }
            if (against != null) {
                orthogonalise(next, against);
            }
            double norm = Math.sqrt(dot(next, next));
            if (norm == 0) {
                return new double[cols];
            }
            double change = 0;
            for (int j = 0; j < cols; j++) {
                double x = next[j] / norm;
                change += (x - v[j]) * (x - v[j]);
                v[j] = x;
            }
            if (change < 1e-20 || Math.abs(norm - lastNorm) <= 1e-12 * norm) {
                break;
            }
            lastNorm = norm;
        }
        return v;
    }

    private static void orthogonalise(double[] v, double[] against) {
        double d = dot(v, against);
        for (int j = 0; j < v.length; j++) {
            v[j] -= d * against[j];
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Polis's sparsity-aware projection: only voted ideas count, scaled by sqrt(ideas / votes). */
    static double[] project(double[] votes, double[][] comps, double[] center) {
        double p1 = 0;
        double p2 = 0;
        int n = 0;
        for (int j = 0; j < votes.length; j++) {
            if (!Double.isNaN(votes[j])) {
                double x = votes[j] - center[j];
                p1 += x * comps[0][j];
                p2 += x * comps[1][j];
                n++;
            }
        }
        double scale = Math.sqrt((double) votes.length / Math.max(n, 1));
        return new double[] {p1 * scale, p2 * scale};
    }

    private record Clustering(int[] labels, int k, double silhouette) {}

    private static Clustering cluster(List<double[]> points) {
        // Base clusters: many small clusters that smooth the map, as Polis does.
        int distinct = (int) points.stream().map(Arrays::toString).distinct().count();
        int baseK = Math.min(BASE_K, distinct);
        List<DoublePoint> data = points.stream().map(DoublePoint::new).toList();
        int[] baseOf = new int[points.size()];
        List<double[]> baseCenters = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        if (baseK < 2) {
            return new Clustering(new int[points.size()], 1, 0);
        }
        KMeansPlusPlusClusterer<DoublePoint> base =
                new KMeansPlusPlusClusterer<>(baseK, 100, new EuclideanDistance(), random());
        for (CentroidCluster<DoublePoint> cl : base.cluster(data)) {
            if (cl.getPoints().isEmpty()) {
                continue;
            }
            baseCenters.add(cl.getCenter().getPoint());
            weights.add(cl.getPoints().size());
        }
        for (int i = 0; i < points.size(); i++) {
            baseOf[i] = nearest(points.get(i), baseCenters);
        }
        int maxK = Math.min(MAX_K, 2 + baseCenters.size() / 12);
        maxK = Math.min(maxK, baseCenters.size());
        int[] bestLabels = null;
        int bestK = 0;
        double bestSilhouette = Double.NEGATIVE_INFINITY;
        for (int k = 2; k <= maxK; k++) {
            List<double[]> centres = weightedKMeans(baseCenters, weights, k);
            int[] baseLabels = new int[baseCenters.size()];
            for (int b = 0; b < baseCenters.size(); b++) {
                baseLabels[b] = nearest(baseCenters.get(b), centres);
            }
            double s = silhouette(baseCenters, baseLabels);
            // A larger k must earn its place clearly: marginal silhouette gains give splits that flip between
            // recomputations, which policy makers cannot rely on.
            if (bestLabels == null || s > bestSilhouette + K_MARGIN) {
                bestSilhouette = s;
                bestK = k;
                bestLabels = baseLabels;
            }
        }
        if (bestLabels == null) {
            return new Clustering(new int[points.size()], 1, 0);
        }
        int[] labels = new int[points.size()];
        for (int i = 0; i < points.size(); i++) {
            labels[i] = bestLabels[baseOf[i]];
        }
        return new Clustering(canonical(labels), bestK, bestSilhouette);
    }

    /** Weighted k-means: each base centre counts as many times as it has members; best of several seeded runs. */
    private static List<double[]> weightedKMeans(List<double[]> centres, List<Integer> weights, int k) {
        List<DoublePoint> expanded = new ArrayList<>();
        for (int b = 0; b < centres.size(); b++) {
            DoublePoint p = new DoublePoint(centres.get(b));
            for (int w = 0; w < weights.get(b); w++) {
                expanded.add(p);
            }
        }
        JDKRandomGenerator random = random();
        List<double[]> best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int t = 0; t < TRIALS; t++) {
            KMeansPlusPlusClusterer<DoublePoint> km =
                    new KMeansPlusPlusClusterer<>(k, 100, new EuclideanDistance(), random);
            List<CentroidCluster<DoublePoint>> result = km.cluster(expanded);
            double cost = 0;
            List<double[]> c = new ArrayList<>();
            for (CentroidCluster<DoublePoint> cl : result) {
                double[] center = cl.getCenter().getPoint();
                c.add(center);
                for (DoublePoint p : cl.getPoints()) {
                    cost += squared(p.getPoint(), center);
                }
            }
            if (cost < bestCost - 1e-9) {
                bestCost = cost;
                best = c;
            }
        }
        return best;
    }

    /** Mean silhouette over the base-cluster centres (unweighted, as Polis computes it). */
    static double silhouette(List<double[]> pts, int[] labels) {
        int n = pts.size();
        double total = 0;
        for (int i = 0; i < n; i++) {
            Map<Integer, double[]> sums = new LinkedHashMap<>();
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                double[] s = sums.computeIfAbsent(labels[j], x -> new double[2]);
                s[0] += Math.sqrt(squared(pts.get(i), pts.get(j)));
                s[1]++;
            }
            double[] own = sums.get(labels[i]);
            if (own == null) {
                continue; // a singleton cluster contributes 0
            }
            double a = own[0] / own[1];
            double b = Double.POSITIVE_INFINITY;
            for (Map.Entry<Integer, double[]> e : sums.entrySet()) {
                if (e.getKey() != labels[i]) {
                    b = Math.min(b, e.getValue()[0] / e.getValue()[1]);
                }
            }
            double m = Math.max(a, b);
            total += m == 0 || Double.isInfinite(b) ? 0 : (b - a) / m;
        }
        return n == 0 ? 0 : total / n;
    }

    /** Renumbers labels by first appearance, so equal partitions get equal numbers. */
    static int[] canonical(int[] labels) {
        Map<Integer, Integer> map = new LinkedHashMap<>();
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = map.computeIfAbsent(labels[i], x -> map.size());
        }
        return out;
    }

    private static int nearest(double[] p, List<double[]> centres) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.size(); c++) {
            double d = squared(p, centres.get(c));
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    private static double squared(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    private static JDKRandomGenerator random() {
        JDKRandomGenerator r = new JDKRandomGenerator();
        r.setSeed(SEED);
        return r;
    }
}

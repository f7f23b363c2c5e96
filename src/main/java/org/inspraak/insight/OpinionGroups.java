package org.inspraak.insight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.DoubleConsumer;

import org.jspecify.annotations.Nullable;

/**
 * Polis's opinion groups, computed as Polis's own math computes them ({@code math/src/polismath/math/} in
 * compdemocracy/polis: {@code conversation.clj}, {@code pca.clj}, {@code clusters.clj}), from a participant × idea
 * vote matrix (agree 1, disagree −1, pass 0, unseen NaN).
 *
 * <ul>
 *   <li>Who is grouped: every participant with at least min(7, ideas) votes, counting every vote, also on ideas that
 *       were moderated out; while fewer than 15 qualify, the 15 most active voters. Once in, a participant stays in
 *       (the set is carried in {@link State}).
 *   <li>The map: moderated-out columns are zeroed, missing votes filled with the column mean, two components found by
 *       100 rounds of power iteration started from the previous components; every participant is projected using
 *       only their own votes, scaled by √(ideas / votes).
 *   <li>The groups: up to 100 base clusters (k-means, 100 iterations, seeded from the previous base clusters), then
 *       k-means on the weighted base-cluster centres for every k from 2 to min(5, 2 + ⌊bases / 12⌋) (20
 *       iterations, seeded from the previous run for that k). The k with the best silhouette over base-cluster
 *       centres wins, but the shown k changes only after the same k has won 4 updates in a row.
 * </ul>
 *
 * <p>Polis starts a fresh power iteration from a random vector; here the random vector is seeded, so the same data
 * and state always give the same groups.
 */
public final class OpinionGroups {

    public static final int MIN_VOTES = 7;
    static final int GREEDY_N = 15;
    static final int BASE_K = 100;
    static final int MAX_K = 5;
    static final int PCA_ITERS = 100;
    static final int FRESH_PCA_ITERS = 10_000;
    static final int BASE_ITERS = 100;
    /** Polis passes {@code :cluster-iters} to k-means, which does not take it, so its default of 20 applies. */
    static final int GROUP_ITERS = 20;

    static final int K_BUFFER = 4;
    static final int FRESH_STARTS = 30;

    private static final long SEED = 20140618L;

    /** How many live updates a replayed history is cut into at most (see {@link #history}). */
    public static final int HISTORY_UPDATES = 500;

    private OpinionGroups() {}

    /** The vote matrix; rows are participants (in the order they first voted), columns ideas. */
    public record Matrix(long[] participants, long[] ideas, double[][] votes, boolean[] moderatedOut) {
        public Matrix {
            if (votes.length != participants.length || moderatedOut.length != ideas.length) {
                throw new IllegalArgumentException("matrix dimensions do not match");
            }
        }
    }

    /** A cluster: base clusters have participant ids as members, group clusters base-cluster ids. */
    public record Cluster(long id, List<Long> members, double[] center) {}

    /** Polis's k smoother: the k that won last, how many times in a row, and the k shown. */
    public record KSmoother(int lastK, int lastKCount, int smoothedK) {}

    /**
     * What one update hands to the next, kept per consultation: who is in the conversation, the components (by idea
     * id), the base clusters, the group clustering for every k, and the k smoother.
     */
    public record State(
            List<Long> inConversation,
            Map<Long, double[]> components,
            List<Cluster> baseClusters,
            Map<Integer, List<Cluster>> groupClusterings,
            @Nullable KSmoother smoother) {

        public static final State EMPTY = new State(List.of(), Map.of(), List.of(), Map.of(), null);
    }

    /** The grouping: 2-D positions of all participants, and a group (0-based) for each grouped one, or −1. */
    public record Result(
            long[] participants,
            double[][] positions,
            int[] group,
            int k,
            double silhouette,
            double[][] components,
            double[] center,
            State state) {

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

        Result withGroups(int[] relabelled) {
            return new Result(participants, positions, relabelled, k, silhouette, components, center, state);
        }
    }

    /** How missing votes are filled before the components are found. */
    public enum MissingVotes {
        /** Polis since October 2017 (commit 90b5b9e6): the column's mean, so that only cast votes weigh. */
        COLUMN_MEAN,
        /**
         * Polis before that: 0, as if every unseen statement had been passed. Not for consultations; only to measure
         * against groups that Polis computed with its code of that time.
         */
        ZERO
    }

    /** From scratch, as for a freshly imported conversation. */
    public static Result compute(Matrix m) {
        return compute(m, State.EMPTY);
    }

    /** One update of a live conversation, continuing from the previous update's state. */
    public static Result compute(Matrix input, State previous) {
        return compute(input, previous, MissingVotes.COLUMN_MEAN);
    }

    /** One update, with missing votes filled as Polis filled them at one time or another. */
    public static Result compute(Matrix input, State previous, MissingVotes missing) {
        Matrix m = withoutUnvotedIdeas(input);
        int rows = m.participants().length;
        int cols = m.ideas().length;
        double[][] positions = new double[rows][2];
        double[][] comps = new double[2][cols];
        double[] center = new double[cols];
        int[] group = new int[rows];
        Arrays.fill(group, -1);
        if (rows == 0 || cols == 0) {
            return new Result(m.participants(), positions, group, 0, 0, comps, center, previous);
        }
        // Polis's rating matrix: moderated-out columns set to 0 for everyone (so they count as voted on in the
        // projection, with no weight).
        double[][] rating = new double[rows][];
        int[] voteCounts = new int[rows];
        for (int i = 0; i < rows; i++) {
            rating[i] = m.votes()[i].clone();
            for (int j = 0; j < cols; j++) {
                if (!Double.isNaN(rating[i][j])) {
                    voteCounts[i]++;
                }
                if (m.moderatedOut()[j]) {
                    rating[i][j] = 0;
                }
            }
        }
        List<Long> inConv = inConversation(m.participants(), voteCounts, cols, previous.inConversation());

        pca(m.ideas(), rating, previous.components(), comps, center, missing);
        for (int i = 0; i < rows; i++) {
            positions[i] = project(rating[i], comps, center);
        }
        Map<Long, double[]> byParticipant = new HashMap<>();
        for (int i = 0; i < rows; i++) {
            byParticipant.put(m.participants()[i], positions[i]);
        }
        Set<Long> inSet = new LinkedHashSet<>(inConv);
        List<Point> inPoints = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            if (inSet.contains(m.participants()[i])) {
                inPoints.add(new Point(m.participants()[i], positions[i], 1));
            }
        }
        // Polis's base k-means reads the participants in the order of its in-conv hash set of participant numbers
        // (see ClojureSetOrder). Polis numbers a conversation's participants 0, 1, 2, … as they join; here that is
        // their row in the matrix, which is in the order of their first vote.
        Map<Long, Integer> number = new HashMap<>();
        for (int i = 0; i < rows; i++) {
            number.put(m.participants()[i], i);
        }
        inPoints.sort(Comparator.comparingLong(p -> ClojureSetOrder.key(number.get(p.id()))));
        Map<Long, double[]> componentsById = new LinkedHashMap<>();
        for (int j = 0; j < cols; j++) {
            componentsById.put(m.ideas()[j], new double[] {comps[0][j], comps[1][j]});
        }
        if (inPoints.isEmpty()) {
            State state = new State(inConv, componentsById, List.of(), Map.of(), previous.smoother());
            return new Result(m.participants(), positions, group, 0, 0, comps, center, state);
        }
        List<Cluster> base = sortById(kmeans(inPoints, BASE_K, previous.baseClusters(), BASE_ITERS, false));

        List<Point> basePoints = new ArrayList<>();
        for (Cluster b : base) {
            basePoints.add(new Point(b.id(), b.center(), b.members().size()));
        }
        int maxK = Math.min(MAX_K, 2 + base.size() / 12);
        Map<Integer, List<Cluster>> clusterings = new LinkedHashMap<>();
        Map<Integer, Double> silhouettes = new LinkedHashMap<>();
        double[][] distances = distances(basePoints);
        for (int k = 2; k <= maxK && base.size() >= 2; k++) {
            List<Cluster> c = sortById(
                    kmeans(basePoints, k, previous.groupClusterings().getOrDefault(k, List.of()), GROUP_ITERS, true));
            clusterings.put(k, c);
            silhouettes.put(k, silhouette(basePoints, distances, c));
        }
        if (clusterings.isEmpty()) {
            State state = new State(inConv, componentsById, base, Map.of(), previous.smoother());
            return new Result(m.participants(), positions, group, 0, 0, comps, center, state);
        }
        // Clojure's max-key keeps the last of equal maxima: a tie goes to the larger k.
        int thisK = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Integer, Double> e : silhouettes.entrySet()) {
            if (e.getValue() >= best) {
                best = e.getValue();
                thisK = e.getKey();
            }
        }
        KSmoother smoother = smooth(previous.smoother(), thisK);
        List<Cluster> groups = clusterings.get(smoother.smoothedK());
        if (groups == null) {
            // The remembered k is no longer possible on this data (too few base clusters): take the winner now.
            smoother = new KSmoother(thisK, 1, thisK);
            groups = clusterings.get(thisK);
        }
        Map<Long, Integer> groupOfBase = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (long b : groups.get(g).members()) {
                groupOfBase.put(b, g);
            }
        }
        Map<Long, Integer> groupOfParticipant = new HashMap<>();
        for (Cluster b : base) {
            Integer g = groupOfBase.get(b.id());
            for (long p : b.members()) {
                groupOfParticipant.put(p, g == null ? -1 : g);
            }
        }
        for (int i = 0; i < rows; i++) {
            group[i] = groupOfParticipant.getOrDefault(m.participants()[i], -1);
        }
        State state = new State(inConv, componentsById, base, clusterings, smoother);
        return new Result(
                m.participants(),
                positions,
                group,
                groups.size(),
                silhouettes.get(smoother.smoothedK()),
                comps,
                center,
                state);
    }

    /** A vote with the moment it was cast, for replaying a conversation's history. */
    public record TimedVote(long participant, long idea, double value, long at) {}

    /**
     * Where a conversation's history leaves Polis's k smoother. Polis shows the k that last won {@value #K_BUFFER}
     * updates in a row ({@code :group-k-smoother} in {@code conversation.clj}), so the number of groups it shows
     * depends on the order in which the votes came in, not only on the final votes: a k that wins only the last
     * few updates is not shown yet. This replays the votes in time order as at most {@code updates} live updates,
     * each continuing from the one before (votes cast at the same moment always fall in the same update), and stops
     * before the last: the caller's own computation on the final votes is the last update. Returns the state to
     * start that computation from, holding nothing but the smoother, so that the map, who is in and the groups still
     * come from the final votes alone; {@link State#EMPTY} when there is no earlier update.
     */
    public static State history(Matrix all, List<TimedVote> votes, int updates, DoubleConsumer progress) {
        if (updates < 2 || votes.isEmpty()) {
            return State.EMPTY;
        }
        Map<Long, Integer> column = new HashMap<>();
        for (int j = 0; j < all.ideas().length; j++) {
            column.put(all.ideas()[j], j);
        }
        List<TimedVote> ordered = new ArrayList<>(votes);
        ordered.sort(Comparator.comparingLong(TimedVote::at));
        int n = ordered.size();
        Map<Long, double[]> rows = new LinkedHashMap<>();
        State state = State.EMPTY;
        int next = 0;
        for (int u = 1; u <= updates; u++) {
            int end = (int) Math.min(n, (long) n * u / updates);
            if (end <= next) {
                continue;
            }
            while (end < n && ordered.get(end).at() == ordered.get(end - 1).at()) {
                end++;
            }
            if (end >= n) {
                break;
            }
            for (; next < end; next++) {
                TimedVote v = ordered.get(next);
                Integer j = column.get(v.idea());
                if (j == null) {
                    throw new IllegalArgumentException("vote on an idea outside the matrix: " + v.idea());
                }
                rows.computeIfAbsent(v.participant(), p -> {
                            double[] r = new double[all.ideas().length];
                            Arrays.fill(r, Double.NaN);
                            return r;
                        })[j] =
                        v.value();
            }
            long[] participants =
                    rows.keySet().stream().mapToLong(Long::longValue).toArray();
            // compute() reads the rows without changing them, so they are shared, not copied, between updates.
            double[][] votesSoFar = rows.values().toArray(double[][]::new);
            state = compute(new Matrix(participants, all.ideas(), votesSoFar, all.moderatedOut()), state)
                    .state();
            progress.accept((double) end / n);
        }
        return state.smoother() == null
                ? State.EMPTY
                : new State(List.of(), Map.of(), List.of(), Map.of(), state.smoother());
    }

    /** Polis's matrix has a column only for statements somebody voted on. */
    private static Matrix withoutUnvotedIdeas(Matrix m) {
        int cols = m.ideas().length;
        boolean[] voted = new boolean[cols];
        int keep = 0;
        for (int j = 0; j < cols; j++) {
            for (double[] row : m.votes()) {
                if (!Double.isNaN(row[j])) {
                    voted[j] = true;
                    keep++;
                    break;
                }
            }
        }
        if (keep == cols) {
            return m;
        }
        long[] ideas = new long[keep];
        boolean[] out = new boolean[keep];
        double[][] votes = new double[m.participants().length][keep];
        int c = 0;
        for (int j = 0; j < cols; j++) {
            if (voted[j]) {
                ideas[c] = m.ideas()[j];
                out[c] = m.moderatedOut()[j];
                for (int i = 0; i < votes.length; i++) {
                    votes[i][c] = m.votes()[i][j];
                }
                c++;
            }
        }
        return new Matrix(m.participants(), ideas, votes, out);
    }

    /**
     * Polis's {@code :in-conv}: the previous members, plus everyone with at least min(7, ideas) votes of any kind;
     * while that is fewer than 15, the most active other voters up to 15.
     */
    static List<Long> inConversation(long[] participants, int[] voteCounts, int ideas, List<Long> previous) {
        Set<Long> present = new LinkedHashSet<>();
        for (long p : participants) {
            present.add(p);
        }
        Set<Long> in = new LinkedHashSet<>();
        for (long p : previous) {
            if (present.contains(p)) {
                in.add(p);
            }
        }
        int threshold = Math.min(MIN_VOTES, ideas);
        for (int i = 0; i < participants.length; i++) {
            if (voteCounts[i] >= threshold) {
                in.add(participants[i]);
            }
        }
        if (in.size() < GREEDY_N) {
            Integer[] order = new Integer[participants.length];
            Arrays.setAll(order, i -> i);
            // Polis sorts its vote-count map by count; equal counts keep the map's order: insertion order up to 8
            // entries (an array map), Clojure's hash order of the participant numbers beyond.
            if (participants.length > 8) {
                Arrays.sort(order, Comparator.comparingLong((Integer i) -> ClojureSetOrder.key(i)));
            }
            Arrays.sort(order, Comparator.comparingInt((Integer i) -> -voteCounts[i]));
            for (int i : order) {
                if (in.size() >= GREEDY_N) {
                    break;
                }
                in.add(participants[i]);
            }
        }
        List<Long> out = new ArrayList<>(in);
        out.sort(null);
        return out;
    }

    private static KSmoother smooth(@Nullable KSmoother last, int thisK) {
        boolean same = last != null && last.lastK() == thisK;
        int count = same ? last.lastKCount() + 1 : 1;
        int smoothed = count >= K_BUFFER ? thisK : (last != null ? last.smoothedK() : thisK);
        return new KSmoother(thisK, count, smoothed);
    }

    // ---- PCA ------------------------------------------------------------------------------------------------

    /**
     * Polis's {@code powerit-pca} on the mean-filled matrix. Filling with the column mean makes the centred matrix
     * zero wherever nobody voted, so only cast votes are kept (sparse rows) and every round costs one pass over the
     * votes.
     */
    static void pca(
            long[] ideas,
            double[][] rating,
            Map<Long, double[]> previous,
            double[][] comps,
            double[] center,
            MissingVotes missing) {
        boolean zero = missing == MissingVotes.ZERO;
        int cols = center.length;
        int[] seen = new int[cols];
        for (double[] row : rating) {
            for (int j = 0; j < cols; j++) {
                if (!Double.isNaN(row[j])) {
                    center[j] += row[j];
                    seen[j]++;
                }
            }
        }
        for (int j = 0; j < cols; j++) {
            center[j] = seen[j] == 0 ? 0 : center[j] / (zero ? rating.length : seen[j]);
        }
        int[][] idx = new int[rating.length][];
        double[][] val = new double[rating.length][];
        for (int i = 0; i < rating.length; i++) {
            // Filled with 0, the centred matrix is dense: an unseen statement weighs as minus its mean.
            int n = 0;
            for (double v : rating[i]) {
                if (zero || !Double.isNaN(v)) {
                    n++;
                }
            }
            idx[i] = new int[n];
            val[i] = new double[n];
            int k = 0;
            for (int j = 0; j < cols; j++) {
                if (zero || !Double.isNaN(rating[i][j])) {
                    idx[i][k] = j;
                    val[i][k++] = (Double.isNaN(rating[i][j]) ? 0 : rating[i][j]) - center[j];
                }
            }
        }
        if (rating.length == 1) {
            // Polis's wrapped-pca: a single participant's (uncentred) votes are the only direction.
            double[] only = rating[0].clone();
            for (int j = 0; j < cols; j++) {
                only[j] = Double.isNaN(only[j]) ? center[j] : only[j];
            }
            double norm = Math.sqrt(dot(only, only));
            for (int j = 0; j < cols; j++) {
                comps[0][j] = norm == 0 ? 0 : only[j] / norm;
            }
            Arrays.fill(center, 0);
            return;
        }
        int n = Math.min(2, Math.min(rating.length, cols));
        Random random = new Random(SEED);
        for (int c = 0; c < n; c++) {
            double[] start = startVector(ideas, previous, c);
            boolean fresh = start == null;
            if (fresh) {
                start = new double[cols];
                for (int j = 0; j < cols; j++) {
                    start[j] = random.nextDouble();
                }
            }
            double[] v = powerIteration(
                    idx, val, cols, start, c == 0 ? null : comps[0], fresh ? FRESH_PCA_ITERS : PCA_ITERS);
            double sign = 1;
            if (fresh) {
                // A fixed orientation for a fresh start; a warm start keeps the previous one by itself.
                double sum = 0;
                for (double x : v) {
                    sum += x;
                }
                sign = sum < 0 ? -1 : 1;
            }
            for (int j = 0; j < cols; j++) {
                comps[c][j] = sign * v[j];
            }
        }
    }

    /** The previous component, aligned by idea id; a new idea starts at 1 as in Polis. Null when there is none. */
    private static double @Nullable [] startVector(long[] ideas, Map<Long, double[]> previous, int component) {
        if (previous.isEmpty()) {
            return null;
        }
        double[] v = new double[ideas.length];
        boolean any = false;
        for (int j = 0; j < ideas.length; j++) {
            double[] p = previous.get(ideas[j]);
            v[j] = p == null ? 1 : p[component];
            any |= p != null && p[component] != 0;
        }
        return any ? v : null;
    }

    /**
     * Polis's {@code power-iteration}: up to 100 rounds of v ← XᵀXv / |XᵀXv|, stopping early when the eigenvalue
     * estimate repeats exactly. For the second component the data is deflated by the first ({@code factor-matrix}),
     * which here is the same as projecting v and the product off the first component.
     */
    private static double[] powerIteration(
            int[][] idx, double[][] val, int cols, double[] start, double[] against, int iterations) {
        double[] v = start.clone();
        double lastEigenvalue = 0;
        for (int iter = iterations; ; iter--) {
            double[] u = v;
            if (against != null) {
                u = v.clone();
                orthogonalise(u, against);
            }
            double[] next = new double[cols];
            for (int i = 0; i < idx.length; i++) {
                double d = 0;
                int[] ix = idx[i];
                double[] vx = val[i];
                for (int k = 0; k < ix.length; k++) {
                    d += vx[k] * u[ix[k]];
                }
                if (d != 0) {
                    for (int k = 0; k < ix.length; k++) {
                        next[ix[k]] += d * vx[k];
                    }
                }
            }
            if (against != null) {
                orthogonalise(next, against);
            }
            double eigenvalue = Math.sqrt(dot(next, next));
            if (eigenvalue == 0) {
                return new double[cols];
            }
            for (int j = 0; j < cols; j++) {
                next[j] /= eigenvalue;
            }
            if (iter == 0 || eigenvalue == lastEigenvalue) {
                return next;
            }
            v = next;
            lastEigenvalue = eigenvalue;
        }
    }

    private static void orthogonalise(double[] v, double[] against) {
        double norm = dot(against, against);
        if (norm == 0) {
            return;
        }
        double d = dot(v, against) / norm;
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

    /** Polis's sparsity-aware projection: only voted ideas count, scaled by √(ideas / votes). */
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

    // ---- k-means as in clusters.clj ---------------------------------------------------------------------------

    /** A point to cluster: a participant (weight 1) or a base cluster (weight = its members). */
    record Point(long id, double[] position, double weight) {}

    private static final class Working {
        final long id;
        double[] center;
        final List<Point> members = new ArrayList<>();

        Working(long id, double[] center) {
            this.id = id;
            this.center = center;
        }

        Cluster done() {
            return new Cluster(id, members.stream().map(Point::id).toList(), center);
        }
    }

    static List<Cluster> kmeans(List<Point> data, int k, List<Cluster> last, int maxIters, boolean weighted) {
        if (!last.isEmpty()) {
            return iterate(data, cleanStart(data, last, k, weighted), maxIters, weighted);
        }
        if (!weighted) {
            return iterate(data, initClusters(data, k), maxIters, false);
        }
        // A group clustering without a previous run. Polis seeds it with the first k distinct base clusters, which
        // its own comment calls "effectively random"; a live Polis conversation then carries its clusters from
        // update to update. Without that history, the first k distinct points often start k-means in a poor local
        // optimum, so the start is the best (least weighted inertia) of several seeded k-means++ starts.
        Random random = new Random(SEED);
        List<Cluster> best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int t = 0; t < FRESH_STARTS; t++) {
            List<Cluster> c = iterate(data, plusPlus(data, k, random), maxIters, true);
            double cost = inertia(data, c);
            if (cost < bestCost - 1e-12) {
                bestCost = cost;
                best = c;
            }
        }
        return best;
    }

    private static List<Cluster> iterate(List<Point> data, List<Working> start, int maxIters, boolean weighted) {
        List<Working> clusters = start;
        for (int iter = maxIters; ; iter--) {
            List<Working> next = step(data, clusters, weighted);
            if (iter == 0 || sameClustering(clusters, next)) {
                return next.stream().map(Working::done).toList();
            }
            clusters = next;
        }
    }

    /** k-means++ seeding, with each point counting as often as its weight. */
    private static List<Working> plusPlus(List<Point> data, int k, Random random) {
        List<Working> out = new ArrayList<>();
        double[] d2 = new double[data.size()];
        Arrays.fill(d2, 1);
        while (out.size() < k) {
            double total = 0;
            for (int i = 0; i < data.size(); i++) {
                total += data.get(i).weight() * d2[i];
            }
            if (total == 0) {
                break;
            }
            double r = random.nextDouble() * total;
            int chosen = data.size() - 1;
            for (int i = 0; i < data.size(); i++) {
                r -= data.get(i).weight() * d2[i];
                if (r < 0) {
                    chosen = i;
                    break;
                }
            }
            double[] c = data.get(chosen).position().clone();
            out.add(new Working(out.size(), c));
            for (int i = 0; i < data.size(); i++) {
                double d = distance(data.get(i).position(), c);
                d2[i] = out.size() == 1 ? d * d : Math.min(d2[i], d * d);
            }
        }
        return out;
    }

    private static double inertia(List<Point> data, List<Cluster> clusters) {
        Map<Long, Point> byId = new HashMap<>();
        data.forEach(p -> byId.put(p.id(), p));
        double cost = 0;
        for (Cluster c : clusters) {
            for (long member : c.members()) {
                Point p = byId.get(member);
                double d = distance(p.position(), c.center());
                cost += p.weight() * d * d;
            }
        }
        return cost;
    }

    /** The first k distinct positions, in data order. */
    private static List<Working> initClusters(List<Point> data, int k) {
        List<Working> out = new ArrayList<>();
        Set<List<Double>> seen = new LinkedHashSet<>();
        for (Point p : data) {
            if (out.size() >= k) {
                break;
            }
            if (seen.add(key(p.position()))) {
                out.add(new Working(out.size(), p.position().clone()));
            }
        }
        return out;
    }

    /** Assigns every point to the nearest centre, drops empty clusters and moves centres to their (weighted) means. */
    private static List<Working> step(List<Point> data, List<Working> clusters, boolean weighted) {
        List<Working> next = new ArrayList<>();
        for (Working c : clusters) {
            next.add(new Working(c.id, c.center));
        }
        for (Point p : data) {
            Working nearest = null;
            double best = Double.POSITIVE_INFINITY;
            for (Working c : next) {
                double d = distance(p.position(), c.center);
                // Clojure's min-key keeps the last of equal minima.
                if (d <= best) {
                    best = d;
                    nearest = c;
                }
            }
            nearest.members.add(p);
        }
        next.removeIf(c -> c.members.isEmpty());
        for (Working c : next) {
            c.center = mean(c.members, weighted);
        }
        return next;
    }

    /** Centres within 0.01 of each other, compared in sorted order (as Polis, only as far as the shorter list). */
    private static boolean sameClustering(List<Working> a, List<Working> b) {
        Comparator<double[]> byCoordinates = (x, y) -> Arrays.compare(x, y);
        List<double[]> ca = a.stream().map(c -> c.center).sorted(byCoordinates).toList();
        List<double[]> cb = b.stream().map(c -> c.center).sorted(byCoordinates).toList();
        for (int i = 0; i < Math.min(ca.size(), cb.size()); i++) {
            if (distance(ca.get(i), cb.get(i)) >= 0.01) {
                return false;
            }
        }
        return true;
    }

    /**
     * Polis's {@code clean-start-clusters}: the previous clusters recentred on the new positions of their members,
     * identical ones merged, then split off the most distant point into a new cluster until k (or the number of
     * distinct positions) is reached.
     */
    private static List<Working> cleanStart(List<Point> data, List<Cluster> last, int k, boolean weighted) {
        Map<Long, Point> byId = new HashMap<>();
        for (Point p : data) {
            byId.put(p.id(), p);
        }
        List<Working> clusters = new ArrayList<>();
        for (Cluster c : last) {
            Working w = new Working(c.id(), c.center());
            for (long member : c.members()) {
                Point p = byId.get(member);
                if (p != null) {
                    w.members.add(p);
                }
            }
            if (!w.members.isEmpty()) {
                w.center = mean(w.members, weighted);
                clusters.add(w);
            }
        }
        if (clusters.isEmpty()) {
            Working all = new Working(last.stream().mapToLong(Cluster::id).max().orElse(-1) + 1, null);
            all.members.addAll(data);
            all.center = mean(data, weighted);
            clusters.add(all);
        }
        // Merge clusters with identical centres into the larger one.
        List<Working> unique = new ArrayList<>();
        for (Working c : clusters) {
            Working same = null;
            for (Working u : unique) {
                if (Arrays.equals(u.center, c.center)) {
                    same = u;
                    break;
                }
            }
            if (same == null) {
                unique.add(c);
            } else {
                Working keep = same.members.size() >= c.members.size() ? same : c;
                Working merged = new Working(keep.id, same.center);
                merged.members.addAll(same.members);
                merged.members.addAll(c.members);
                unique.set(unique.indexOf(same), merged);
            }
        }
        Set<List<Double>> distinct = new LinkedHashSet<>();
        data.forEach(p -> distinct.add(key(p.position())));
        int possible = Math.min(k, distinct.size());
        clusters = unique;
        while (true) {
            for (Working c : clusters) {
                if (!c.members.isEmpty()) {
                    c.center = mean(c.members, weighted);
                }
            }
            if (possible <= clusters.size()) {
                return clusters;
            }
            // The most distant point from its nearest centre starts a cluster of its own.
            Point outlier = null;
            double farthest = -1;
            for (Point p : data) {
                double nearest = Double.POSITIVE_INFINITY;
                for (Working c : clusters) {
                    nearest = Math.min(nearest, distance(p.position(), c.center));
                }
                if (nearest >= farthest) {
                    farthest = nearest;
                    outlier = p;
                }
            }
            if (outlier == null || farthest <= 0) {
                return clusters;
            }
            Point o = outlier;
            clusters.forEach(c -> c.members.removeIf(p -> p.id() == o.id()));
            long id = clusters.stream().mapToLong(c -> c.id).max().orElse(-1) + 1;
            Working single = new Working(id, o.position().clone());
            single.members.add(o);
            clusters.add(single);
        }
    }

    private static double[] mean(List<Point> points, boolean weighted) {
        int dims = points.getFirst().position().length;
        double[] m = new double[dims];
        double total = 0;
        for (Point p : points) {
            double w = weighted ? p.weight() : 1;
            total += w;
            for (int d = 0; d < dims; d++) {
                m[d] += w * p.position()[d];
            }
        }
        for (int d = 0; d < dims; d++) {
            m[d] /= total;
        }
        return m;
    }

    private static List<Cluster> sortById(List<Cluster> clusters) {
        return clusters.stream().sorted(Comparator.comparingLong(Cluster::id)).toList();
    }

    private static double[][] distances(List<Point> points) {
        int n = points.size();
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = distance(points.get(i).position(), points.get(j).position());
            }
        }
        return d;
    }

    /**
     * Polis's silhouette of a group clustering: the plain mean over base clusters of (b − a) / max(a, b), where a is
     * the mean distance to the other base clusters of the same group and b the smallest mean distance to another
     * group; a base cluster alone in its group counts 0.
     */
    static double silhouette(List<Point> bases, double[][] distances, List<Cluster> groups) {
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < bases.size(); i++) {
            index.put(bases.get(i).id(), i);
        }
        if (groups.size() < 2) {
            return 0;
        }
        double total = 0;
        int n = 0;
        for (Cluster own : groups) {
            for (long member : own.members()) {
                int i = index.get(member);
                n++;
                if (own.members().size() == 1) {
                    continue;
                }
                double a = meanDistance(i, own, index, distances);
                double b = Double.POSITIVE_INFINITY;
                for (Cluster other : groups) {
                    if (other != own) {
                        b = Math.min(b, meanDistance(i, other, index, distances));
                    }
                }
                double max = Math.max(a, b);
                total += max == 0 ? 0 : (b - a) / max;
            }
        }
        return n == 0 ? 0 : total / n;
    }

    private static double meanDistance(int i, Cluster c, Map<Long, Integer> index, double[][] distances) {
        double sum = 0;
        int n = 0;
        for (long member : c.members()) {
            int j = index.get(member);
            if (j != i) {
                sum += distances[i][j];
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    private static List<Double> key(double[] position) {
        return Arrays.stream(position).boxed().toList();
    }
}

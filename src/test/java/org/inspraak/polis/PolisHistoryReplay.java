package org.inspraak.polis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.inspraak.insight.OpinionGroups;

/**
 * A measurement, not a test: replays each shipped Polis export's votes in time order through the live update (one
 * update per {@code step} seconds with new votes, each continuing from the last), then starts the groups afresh on
 * the base clusters that the history left, and compares with Polis's own groups. Once with today's Polis math
 * throughout, and once as pol.is ran it: computed again from scratch at the first vote after Polis moved its math
 * state from MongoDB to PostgreSQL (commit 0fc3d6f7, February 2017), with missing votes filled with 0 until Polis
 * changed that to the column mean (commit 90b5b9e6, October 2017), and with the moderation either known throughout or
 * unknown to the math until Polis made it read all moderation when loading a conversation (commit 6a119cf7, October
 * 2017). The README reports the figures. Run with
 * {@code java -cp target/test-classes:target/classes:<test classpath> org.inspraak.polis.PolisHistoryReplay [step]}.
 */
public final class PolisHistoryReplay {

    /** Polis's math state moved from MongoDB to PostgreSQL; a conversation without a stored state starts afresh. */
    static final Instant MOVED_TO_POSTGRESQL = Instant.parse("2017-02-09T00:00:00Z");

    /** Polis fills missing votes with the column mean instead of 0 since commit 90b5b9e6. */
    static final Instant MEAN_FILLED = Instant.parse("2017-10-22T06:59:31Z");

    /** Polis's math reads a conversation's whole moderation when it loads it since commit 6a119cf7. */
    static final Instant MODERATION_RELOADED = Instant.parse("2017-10-29T00:00:00Z");

    /** How a replay runs: with pol.is's own history or today's math throughout, and what moderation it knows. */
    private record Run(boolean asPolisRanIt, boolean moderationKnown) {
        OpinionGroups.MissingVotes missing(Instant at) {
            return asPolisRanIt && at.isBefore(MEAN_FILLED)
                    ? OpinionGroups.MissingVotes.ZERO
                    : OpinionGroups.MissingVotes.COLUMN_MEAN;
        }

        boolean[] moderatedOut(OpinionGroups.Matrix all, Instant at) {
            return asPolisRanIt && !moderationKnown && at.isBefore(MODERATION_RELOADED)
                    ? new boolean[all.ideas().length]
                    : all.moderatedOut();
        }
    }

    private PolisHistoryReplay() {}

    public static void main(String[] args) throws Exception {
        long stepMs = 1000L * (args.length > 0 ? Long.parseLong(args[0]) : 10);
        List<Path> folders;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/polis"))) {
            folders =
                    s.filter(p -> Files.exists(p.resolve("votes.csv"))).sorted().toList();
        }
        List<Run> runs = List.of(new Run(false, true), new Run(true, true), new Run(true, false));
        System.out.println("| conversation | final votes | history | history, grouped by the rule on the final votes"
                + " | as pol.is ran it, moderation known | as pol.is ran it, moderation unknown until Oct. 2017"
                + " | Polis: k, grouped |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Path f : folders) {
            PolisFolder folder = PolisFolder.read(f);
            OpinionGroups.Matrix all = folder.matrix();
            Instant last = folder.votes().stream()
                    .map(PolisFolder.VoteRow::at)
                    .max(Comparator.naturalOrder())
                    .orElse(Instant.EPOCH);
            StringBuilder row =
                    new StringBuilder("| " + f.getFileName() + " | " + figures(OpinionGroups.compute(all), folder));
            for (Run run : runs) {
                OpinionGroups.State h = replay(folder, all, stepMs, run);
                // The map and base clusters the history left, with the groups started afresh (no group clusterings,
                // no k smoother), as after a restart of Polis's math worker.
                OpinionGroups.Matrix end = new OpinionGroups.Matrix(
                        all.participants(), all.ideas(), all.votes(), run.moderatedOut(all, last));
                row.append(" | ")
                        .append(figures(
                                OpinionGroups.compute(
                                        end,
                                        new OpinionGroups.State(
                                                h.inConversation(), h.components(), h.baseClusters(), Map.of(), null),
                                        run.missing(last)),
                                folder));
                if (!run.asPolisRanIt()) {
                    // The same, but with who is in picked by the rule from the final votes alone.
                    row.append(" | ")
                            .append(figures(
                                    OpinionGroups.compute(
                                            all,
                                            new OpinionGroups.State(
                                                    List.of(), h.components(), h.baseClusters(), Map.of(), null)),
                                    folder));
                }
            }
            System.out.println(row + " | "
                    + folder.polisGroups().values().stream().distinct().count() + ", "
                    + folder.polisGroups().size() + " |");
        }
        System.out.println("(ARI against Polis's group-id, our k, participants we group)");
    }

    /** The live updates, one per step with new votes, in time order; participants are rows in order of first vote. */
    private static OpinionGroups.State replay(PolisFolder folder, OpinionGroups.Matrix all, long stepMs, Run run) {
        Map<Long, Integer> col = new LinkedHashMap<>();
        for (int j = 0; j < all.ideas().length; j++) {
            col.put(all.ideas()[j], j);
        }
        List<PolisFolder.VoteRow> votes = new ArrayList<>(folder.votes());
        votes.sort(Comparator.comparing(PolisFolder.VoteRow::at));
        Map<Long, double[]> rows = new LinkedHashMap<>();
        OpinionGroups.State state = OpinionGroups.State.EMPTY;
        boolean moved = votes.isEmpty() || !votes.getFirst().at().isBefore(MOVED_TO_POSTGRESQL);
        long last = Long.MIN_VALUE;
        int i = 0;
        while (i < votes.size()) {
            long first = votes.get(i).at().toEpochMilli();
            long at = last == Long.MIN_VALUE ? first : Math.max(first, last + stepMs);
            while (i < votes.size() && votes.get(i).at().toEpochMilli() <= at) {
                PolisFolder.VoteRow v = votes.get(i++);
                rows.computeIfAbsent(v.participant(), p -> {
                            double[] r = new double[all.ideas().length];
                            Arrays.fill(r, Double.NaN);
                            return r;
                        })[col.get(v.commentId())] =
                        v.vote();
            }
            if (run.asPolisRanIt() && !moved && at >= MOVED_TO_POSTGRESQL.toEpochMilli()) {
                moved = true;
                state = OpinionGroups.State.EMPTY;
            }
            Instant when = Instant.ofEpochMilli(at);
            long[] participants =
                    rows.keySet().stream().mapToLong(Long::longValue).toArray();
            OpinionGroups.Matrix m = new OpinionGroups.Matrix(
                    participants, all.ideas(), rows.values().toArray(double[][]::new), run.moderatedOut(all, when));
            state = OpinionGroups.compute(m, state, run.missing(when)).state();
            last = at;
        }
        return state;
    }

    private static String figures(OpinionGroups.Result r, PolisFolder folder) {
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        folder.polisGroups().forEach((pid, g) -> {
            Integer ours = r.groups().get(pid);
            if (ours != null) {
                a.add(ours);
                b.add(g);
            }
        });
        return String.format(
                "%.3f, %d, %d",
                PolisAgreementTest.adjustedRand(a, b), r.k(), r.groups().size());
    }
}

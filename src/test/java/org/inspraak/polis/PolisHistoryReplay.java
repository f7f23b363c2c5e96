package org.inspraak.polis;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * update per {@code step} seconds with new votes, each continuing from the last), then groups the resulting base
 * clusters afresh, and compares with Polis's own groups. It checks whether Polis's groups can be told from the
 * conversation's history rather than from its final votes alone; the README reports the figures and why the import
 * does not do this. Run with
 * {@code java -cp target/test-classes:target/classes:<test classpath> org.inspraak.polis.PolisHistoryReplay [step]}.
 */
public final class PolisHistoryReplay {

    private PolisHistoryReplay() {}

    public static void main(String[] args) throws Exception {
        long stepMs = 1000L * (args.length > 0 ? Long.parseLong(args[0]) : 10);
        List<Path> folders;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/polis"))) {
            folders =
                    s.filter(p -> Files.exists(p.resolve("votes.csv"))).sorted().toList();
        }
        System.out.println("| conversation | final votes: ARI, k, grouped | history: ARI, k, grouped |"
                + " history, grouped by the rule on the final votes: ARI, k, grouped | Polis: k, grouped |");
        System.out.println("|---|---|---|---|---|");
        for (Path f : folders) {
            PolisFolder folder = PolisFolder.read(f);
            OpinionGroups.Matrix all = folder.matrix();
            OpinionGroups.State history = replay(folder, all, stepMs);
            // The map and base clusters the history left, with the groups started afresh (no group clusterings, no
            // k smoother); once keeping who is in, once letting the rule pick them from the final votes alone.
            OpinionGroups.State regroup = new OpinionGroups.State(
                    history.inConversation(), history.components(), history.baseClusters(), Map.of(), null);
            OpinionGroups.State ruleOnly =
                    new OpinionGroups.State(List.of(), history.components(), history.baseClusters(), Map.of(), null);
            System.out.printf(
                    "| %s | %s | %s | %s | %d, %d |%n",
                    f.getFileName(),
                    figures(OpinionGroups.compute(all), folder),
                    figures(OpinionGroups.compute(all, regroup), folder),
                    figures(OpinionGroups.compute(all, ruleOnly), folder),
                    folder.polisGroups().values().stream().distinct().count(),
                    folder.polisGroups().size());
        }
    }

    /** The live updates, one per step with new votes, in time order; participants are rows in order of first vote. */
    private static OpinionGroups.State replay(PolisFolder folder, OpinionGroups.Matrix all, long stepMs) {
        Map<Long, Integer> col = new LinkedHashMap<>();
        for (int j = 0; j < all.ideas().length; j++) {
            col.put(all.ideas()[j], j);
        }
        List<PolisFolder.VoteRow> votes = new ArrayList<>(folder.votes());
        votes.sort(Comparator.comparing(PolisFolder.VoteRow::at));
        Map<Long, double[]> rows = new LinkedHashMap<>();
        OpinionGroups.State state = OpinionGroups.State.EMPTY;
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
            long[] participants =
                    rows.keySet().stream().mapToLong(Long::longValue).toArray();
            OpinionGroups.Matrix m = new OpinionGroups.Matrix(
                    participants, all.ideas(), rows.values().toArray(double[][]::new), all.moderatedOut());
            state = OpinionGroups.compute(m, state).state();
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

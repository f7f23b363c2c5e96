package org.inspraak.polis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.inspraak.IntegrationTest;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.insight.InsightService;
import org.inspraak.insight.OpinionGroups;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Polis import through the real services, and the command line mode end to end. */
class PolisImportTest extends IntegrationTest {

    @Autowired
    PolisImportService importer;

    @Autowired
    ConsultationService consultations;

    @Autowired
    InsightService insights;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.inspraak.insight.OpenDataExport openData;

    @TempDir
    Path tmp;

    @Test
    void badFolderImportsNothing() throws Exception {
        data.authenticate(data.user(Role.ADMIN));
        long before = consultations.count();
        Path dir = tmp.resolve("bad");
        Files.createDirectories(dir);
        for (String f : List.of("comments.csv", "summary.csv")) {
            Files.copy(Path.of("src/test/resources/polis/brexit-consensus").resolve(f), dir.resolve(f));
        }
        List<String> votes =
                new ArrayList<>(Files.readAllLines(Path.of("src/test/resources/polis/brexit-consensus/votes.csv")));
        votes.set(4000, "1500000000000,x,9999,1,1");
        Files.write(dir.resolve("votes.csv"), votes);
        assertThatThrownBy(() -> importer.importFolder(dir, p -> {}))
                .isInstanceOf(PolisFolder.FormatException.class)
                .hasMessageContaining("votes.csv, regel 4001");
        assertThat(consultations.count()).isEqualTo(before);
    }

    @Test
    void onlyAdminsImport() {
        data.authenticate(data.user(Role.MODERATOR));
        assertThatThrownBy(() -> importer.importFolder(Path.of("src/test/resources/polis/brexit-consensus"), p -> {}))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void importedGroupsMatchTheEngineOnTheFile() throws Exception {
        data.authenticate(data.user(Role.ADMIN));
        Path folder = Path.of("src/test/resources/polis/15-per-hour-seattle");
        PolisImportService.Imported r = importer.importFolder(folder, p -> {});
        assertThat(r.ideas()).isEqualTo(54);
        assertThat(consultations.find(r.consultationId()).orElseThrow().attribution())
                .contains("CC BY 4.0", "The Computational Democracy Project");
        InsightService.Insights in = insights.computeNow(r.consultationId());
        PolisFolder polis = PolisFolder.read(folder);
        OpinionGroups.Result direct = OpinionGroups.compute(polis.matrix(), polis.history(p -> {}));
        assertThat(in.groupedParticipants()).isEqualTo(direct.groupedCount());
        // Same partition through the database as from the files (labels may differ).
        assertThat(agreement(direct, in, r)).isEqualTo(1.0);

        // The math state is kept, so the next update continues from it (here: same data, same groups).
        assertThat(jdbc.queryForObject(
                        "select count(*) from opinion_group_state where consultation_id = ?",
                        Integer.class,
                        r.consultationId()))
                .isOne();
        InsightService.Insights next = insights.computeNow(r.consultationId());
        assertThat(next.groupOf()).isEqualTo(in.groupOf());
        assertThat(jdbc.queryForObject(
                        "select state from opinion_group_state where consultation_id = ?",
                        String.class,
                        r.consultationId()))
                .contains("\"inConversation\"", "\"baseClusters\"", "\"smoother\"");
    }

    /**
     * ssis (2021): on the final votes 3 groups win the silhouette by 0.002, but over the conversation's history 2
     * kept winning, and Polis shows 2. The import replays the history, so the consultation shows 2 as well, and the
     * next update continues from there.
     */
    @Test
    void anImportShowsTheNumberOfGroupsItsHistorySettledOn() throws Exception {
        data.authenticate(data.user(Role.ADMIN));
        Path folder = Path.of("src/test/resources/polis/ssis.land-bank-farmland.2rumnecbeh.2021-08-01");
        PolisFolder polis = PolisFolder.read(folder);
        assertThat(OpinionGroups.compute(polis.matrix()).k())
                .as("final votes alone")
                .isEqualTo(3);
        List<Double> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        PolisImportService.Imported r = importer.importFolder(folder, progress::add);
        assertThat(progress).isSorted().contains(0.3).anyMatch(p -> p > 0.3 && p <= 0.5);
        assertThat(jdbc.queryForObject(
                        "select state from opinion_group_state where consultation_id = ?",
                        String.class,
                        r.consultationId()))
                .contains("\"smoothedK\":2");
        InsightService.Insights in = insights.computeNow(r.consultationId());
        assertThat(in.groups()).hasSize(2);
        assertThat(insights.computeNow(r.consultationId()).groups()).hasSize(2);
        // Polis's own groups, through the database.
        List<Integer> ours = new ArrayList<>();
        List<Integer> theirs = new ArrayList<>();
        polis.polisGroups().forEach((pid, g) -> {
            Integer group = in.groupOf().get(r.accountOfParticipant().get(pid));
            if (group != null) {
                ours.add(group);
                theirs.add(g);
            }
        });
        assertThat(PolisAgreementTest.adjustedRand(ours, theirs))
                .isGreaterThanOrEqualTo(
                        PolisAgreementTest.REACHED.get(folder.getFileName().toString()));
        // A consultation with a state of its own does not take a history again.
        assertThat(insights.startFromHistory(r.consultationId(), polis.history(p -> {})))
                .isFalse();
    }

    /**
     * Polis's math leaves metadata statements (is-meta) out of the map and groups, as it does moderated-out ones.
     * Seattle's export predates the column, so this marks its five most-voted statements as metadata, imports it,
     * and checks that they become background questions that are visible, keep their votes and stay out of the
     * groups and group statements.
     */
    @Test
    void metadataStatementsBecomeBackgroundQuestionsOutsideTheGroups() throws Exception {
        data.authenticate(data.user(Role.ADMIN));
        Path source = Path.of("src/test/resources/polis/15-per-hour-seattle");
        Path folder = tmp.resolve("seattle-with-meta");
        Files.createDirectories(folder);
        for (String f : List.of("summary.csv", "votes.csv", "participants-votes.csv")) {
            Files.copy(source.resolve(f), folder.resolve(f));
        }
        PolisFolder original = PolisFolder.read(source);
        java.util.Map<Long, Long> votesPerComment = new java.util.HashMap<>();
        original.votes().forEach(v -> votesPerComment.merge(v.commentId(), 1L, Long::sum));
        java.util.Set<Long> meta = new java.util.HashSet<>(original.comments().stream()
                .filter(c -> !c.moderatedOut())
                .sorted(java.util.Comparator.comparingLong(
                        (PolisFolder.Comment c) -> -votesPerComment.getOrDefault(c.id(), 0L)))
                .limit(5)
                .map(PolisFolder.Comment::id)
                .toList());
        try (var out = Files.newBufferedWriter(folder.resolve("comments.csv"));
                var printer = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.DEFAULT)) {
            printer.printRecord("timestamp", "comment-id", "author-id", "moderated", "is-meta", "comment-body");
            for (PolisFolder.Comment c : original.comments()) {
                printer.printRecord(
                        c.createdAt().toEpochMilli(),
                        c.id(),
                        c.authorId(),
                        c.moderated(),
                        meta.contains(c.id()),
                        c.body());
            }
        }
        PolisFolder polis = PolisFolder.read(folder);
        OpinionGroups.Result withMeta = OpinionGroups.compute(polis.matrix(), polis.history(p -> {}));
        OpinionGroups.Result without = OpinionGroups.compute(original.matrix(), original.history(p -> {}));
        List<Integer> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        without.groups().forEach((pid, g) -> {
            if (withMeta.groups().containsKey(pid)) {
                x.add(g);
                y.add(withMeta.groups().get(pid));
            }
        });
        assertThat(PolisAgreementTest.adjustedRand(x, y))
                .as("leaving the statements out changes the groups")
                .isLessThan(0.99);

        PolisImportService.Imported r = importer.importFolder(folder, p -> {});
        assertThat(r.notes()).anyMatch(n -> n.contains("5 stellingen zijn") && n.contains("achtergrondvragen"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from idea where consultation_id = ? and background and not hidden",
                        Integer.class,
                        r.consultationId()))
                .isEqualTo(5);
        InsightService.Insights in = insights.computeNow(r.consultationId());
        assertThat(agreement(withMeta, in, r)).isEqualTo(1.0);
        assertThat(in.backgroundQuestions()).isEqualTo(5);
        List<Long> background = jdbc.queryForList(
                "select id from idea where consultation_id = ? and background", Long.class, r.consultationId());
        assertThat(in.groups().stream().flatMap(g -> g.statements().stream()))
                .isNotEmpty()
                .noneMatch(s -> background.contains(s.idea().id()));
        assertThat(in.consensus()).noneMatch(s -> background.contains(s.idea().id()));
        assertThat(in.divisive()).noneMatch(s -> background.contains(s.idea().id()));
        // Open data says which statements were background questions.
        assertThat(openData.ideasCsv(r.consultationId()).lines().findFirst().orElseThrow())
                .endsWith(",background_question");
        assertThat(openData.json(r.consultationId()).split("\"background_question\" : true", -1))
                .hasSize(6);
    }

    /** ARI between the engine's groups on the files and the imported consultation's groups (labels may differ). */
    private static double agreement(
            OpinionGroups.Result direct, InsightService.Insights in, PolisImportService.Imported r) {
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        direct.groups().forEach((pid, g) -> {
            a.add(g);
            b.add(in.groupOf().get(r.accountOfParticipant().get(pid)));
        });
        return PolisAgreementTest.adjustedRand(a, b);
    }
}

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
        OpinionGroups.Result direct =
                OpinionGroups.compute(PolisFolder.read(folder).matrix());
        assertThat(in.groupedParticipants()).isEqualTo(direct.groupedCount());
        // Same partition through the database as from the files (labels may differ).
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        direct.groups().forEach((pid, g) -> {
            a.add(g);
            b.add(in.groupOf().get(r.accountOfParticipant().get(pid)));
        });
        assertThat(PolisAgreementTest.adjustedRand(a, b)).isEqualTo(1.0);

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
}

package org.inspraak.polis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.inspraak.insight.OpinionGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line mode end to end, as a municipality runs it: no web server, a fresh data directory, exit 0,
 * {@code participant,group} for every grouped participant with Polis's ids, and no demo data seeded.
 */
class PolisCommandTest {

    @TempDir
    Path tmp;

    @Test
    void importsAndExportsGroupsWithoutAWebServer() throws Exception {
        Path folder = Path.of("src/test/resources/polis/canadian-electoral-reform");
        Path csv = tmp.resolve("out").resolve("groups.csv");
        Path dataDir = tmp.resolve("data");
        int exit = PolisCommand.handle(new String[] {
                    "--import-polis=" + folder,
                    "--export-groups=" + csv,
                    "--inspraak.data-dir=" + dataDir,
                    "--server.port=-1"
                })
                .orElseThrow();
        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).isEqualTo("participant,group");
        PolisFolder polis = PolisFolder.read(folder);
        Map<Long, Integer> direct =
                OpinionGroups.compute(polis.matrix(), polis.history(p -> {})).groups();
        assertThat(lines).hasSize(direct.size() + 1);
        List<Integer> ours = new ArrayList<>();
        List<Integer> theirs = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] p = line.split(",");
            long pid = Long.parseLong(p[0]);
            if (polis.polisGroups().containsKey(pid)) {
                ours.add(Integer.parseInt(p[1]));
                theirs.add(polis.polisGroups().get(pid));
            }
        }
        assertThat(PolisAgreementTest.adjustedRand(ours, theirs))
                .isGreaterThanOrEqualTo(PolisAgreementTest.REACHED.get("canadian-electoral-reform"));
        try (Connection c = DriverManager.getConnection(
                        "jdbc:h2:file:"
                                + dataDir.resolve("db").resolve("inspraak").toAbsolutePath() + ";IFEXISTS=TRUE",
                        "sa",
                        "");
                ResultSet rs =
                        c.createStatement().executeQuery("select count(*) from user_account where demo = true")) {
            rs.next();
            assertThat(rs.getLong(1)).as("demo accounts").isZero();
        }
    }

    @Test
    void aBadFolderExitsWithOneAndNamesTheFile() throws Exception {
        Path bad = tmp.resolve("bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("summary.csv"), "topic,x\n");
        Files.writeString(bad.resolve("comments.csv"), "timestamp,comment-id\n1,0\n");
        int exit = PolisCommand.handle(
                        new String[] {"--import-polis=" + bad, "--inspraak.data-dir=" + tmp.resolve("d2")})
                .orElseThrow();
        assertThat(exit).isEqualTo(1);
    }
}

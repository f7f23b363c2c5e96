package org.inspraak.durability;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a real application JVM with SIGKILL in the middle of a burst of votes, then opens its H2 file: every
 * vote the application acknowledged must be there; and once the application is started again, the idea's count
 * must match the vote rows.
 */
class KillDuringVotesTest {

    @Test
    void noAcknowledgedVoteIsLostWhenTheProcessIsKilled() throws Exception {
        Path dataDir = Files.createTempDirectory("inspraak-kill");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DurabilityChild.class.getName(),
                        dataDir.toString())
                .redirectErrorStream(true)
                .start();
        long ideaId = -1;
        StringBuilder log = new StringBuilder();
        int lastAck = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
                if (!line.startsWith("ACK ")) {
                    log.append(line).append('\n');
                }
                if (line.startsWith("READY ")) {
                    ideaId = Long.parseLong(line.substring(6).trim());
                } else if (line.startsWith("ACK ")) {
                    lastAck = Integer.parseInt(line.substring(4).trim());
                    if (lastAck >= 300) {
                        break; // mid-burst: the child is still voting as fast as it can
                    }
                }
            }
            // SIGKILL, like a power cut for the process: no shutdown hooks, no flushing.
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
        }
        assertThat(ideaId)
                .as("child started; its output:\n" + log.substring(Math.max(0, log.length() - 4000)))
                .isPositive();
        assertThat(lastAck).as("child acknowledged votes").isGreaterThanOrEqualTo(300);

        long stored;
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/inspraak"), "sa", "")) {
            ResultSet rows = db.createStatement().executeQuery("select count(*) from vote where idea_id = " + ideaId);
            rows.next();
            stored = rows.getLong(1);
            assertThat(stored).as("votes stored vs acknowledged").isGreaterThanOrEqualTo(lastAck + 1L);
        }
        // Counts follow the rows a moment after each vote, so a kill may leave the last few uncounted; the next
        // start must repair that before anyone relies on it.
        Process again = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DurabilityChild.class.getName(),
                        dataDir.toString(),
                        "restart",
                        Long.toString(ideaId))
                .redirectErrorStream(true)
                .start();
        String report = null;
        StringBuilder restartLog = new StringBuilder();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(again.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                restartLog.append(line).append('\n');
                if (line.startsWith("COUNT ")) {
                    report = line;
                }
            }
            again.waitFor(120, TimeUnit.SECONDS);
        } finally {
            again.destroyForcibly();
        }
        assertThat(report)
                .as("restarted application reported; its output:\n" + restartLog)
                .isNotNull();
        assertThat(report)
                .as("the idea's count matches its vote rows after the restart")
                .isEqualTo("COUNT " + stored + " ROWS " + stored);
    }
}

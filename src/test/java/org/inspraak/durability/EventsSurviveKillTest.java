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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work that follows a commit survives the process dying between the commit and the listener: the application is
 * halted right after an official answer is committed and before the author is notified; after a restart the
 * author has the notification and its mail, because the event publication registry kept the event.
 */
class EventsSurviveKillTest {

    @Test
    void aNotificationInterruptedByAKillIsDeliveredAfterRestart() throws Exception {
        Path dataDir = Files.createTempDirectory("inspraak-events");
        List<String> first = run(dataDir.toString(), "post");
        String ids =
                first.stream().filter(l -> l.startsWith("AUTHOR ")).findFirst().orElse(null);
        assertThat(ids).as("child started; its output:\n" + tail(first)).isNotNull();
        assertThat(first)
                .as("halted after the commit:\n" + tail(first))
                .anyMatch(l -> l.startsWith("COMMITTED "))
                .noneMatch(l -> l.equals("NOT HALTED"));
        long author = Long.parseLong(ids.split(" ")[1]);

        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/inspraak"), "sa", "")) {
            assertThat(count(db, "select count(*) from reaction where official"))
                    .as("the answer was committed")
                    .isEqualTo(1);
            assertThat(count(db, "select count(*) from notification where user_id = " + author))
                    .as("the listener never ran")
                    .isZero();
            assertThat(count(db, "select count(*) from event_publication where completion_date is null"))
                    .as("the event waits in the registry")
                    .isPositive();
        }

        List<String> second = run(dataDir.toString(), "restart", Long.toString(author));
        assertThat(second)
                .as("restarted application; its output:\n" + tail(second))
                .contains("NOTIFIED 1", "MAILED 1");
    }

    private static long count(Connection db, String sql) throws Exception {
        ResultSet rs = db.createStatement().executeQuery(sql);
        rs.next();
        return rs.getLong(1);
    }

    private static List<String> run(String... args) throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(
                List.of(java.toString(), "-cp", System.getProperty("java.class.path"), EventsChild.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
            child.waitFor(180, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
        }
        return lines;
    }

    private static String tail(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}

package org.inspraak.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.inspraak.TestData;
import org.inspraak.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin backup of a running file database, and the documented restore command, end to end. */
@SpringBootTest
@ActiveProfiles("test")
class BackupRestoreTest {

    static Path dataDir;

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) throws Exception {
        dataDir = Files.createTempDirectory("inspraak-backup");
        registry.add("inspraak.data-dir", () -> dataDir.toString());
        registry.add(
                "spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("db/inspraak") + ";WRITE_DELAY=0");
    }

    @Autowired
    BackupService backups;

    @Autowired
    TestData data;

    @AfterEach
    void logout() {
        data.logout();
    }

    @Test
    void aBackupOfTheRunningSiteRestoresIntoAWorkingDatabase() throws Exception {
        long consultation = data.openConsultation();
        data.idea(consultation, data.user(), "Bewaard in de back-up", "Dit idee moet na herstel terug zijn.");
        data.authenticate(data.user(Role.ADMIN));
        Path zip = backups.backup();
        assertThat(zip).exists().startsWith(dataDir.resolve("backups"));

        // Changes after the backup are not in it.
        data.idea(consultation, data.user(), "Na de back-up", "Dit idee hoort niet in de back-up.");

        Path restored = Files.createTempDirectory("inspraak-restored");
        Files.createDirectories(restored.resolve("index/Idea"));
        assertThat(BackupCommand.handle(new String[] {"--restore=" + zip, "--inspraak.data-dir=" + restored}))
                .contains(0);
        assertThat(restored.resolve("index")).doesNotExist();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("db/inspraak"), "sa", "")) {
            ResultSet rs = c.createStatement()
                    .executeQuery(
                            "select count(*) from idea where title in ('Bewaard in de back-up', 'Na de back-up')");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            ResultSet flyway = c.createStatement()
                    .executeQuery("select count(*) from \"flyway_schema_history\" where \"success\"");
            flyway.next();
            assertThat(flyway.getInt(1)).isGreaterThanOrEqualTo(6);
        }
    }

    @Test
    void theCommandLineBackupWorksOnAStoppedSiteAndFailsClearly() throws Exception {
        Path dir = Files.createTempDirectory("inspraak-cli");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db/inspraak"), "sa", "")) {
            c.createStatement().execute("create table t (x int)");
            c.createStatement().execute("insert into t values (42)");
        }
        Path zip = dir.resolve("out/backup.zip");
        assertThat(BackupCommand.handle(new String[] {"--backup=" + zip, "--inspraak.data-dir=" + dir}))
                .contains(0);
        assertThat(zip).exists();
        Path empty = Files.createTempDirectory("inspraak-empty");
        assertThat(BackupCommand.handle(
                        new String[] {"--backup=" + empty.resolve("x.zip"), "--inspraak.data-dir=" + empty}))
                .contains(1);
        assertThat(BackupCommand.handle(
                        new String[] {"--restore=" + empty.resolve("missing.zip"), "--inspraak.data-dir=" + empty}))
                .contains(1);
        assertThat(BackupCommand.handle(new String[] {"--server.port=0"})).isEmpty();
    }
}

package org.inspraak.backup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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

    @Test
    void aDamagedOrBogusBackupNeverTouchesTheLiveDatabase() throws Exception {
        Path zip = goodBackup();
        Path source = zip.getParent();

        Path site = Files.createTempDirectory("inspraak-site");
        inspraakLikeDatabase(site, "live");
        byte[] liveBefore = Files.readAllBytes(site.resolve("db/inspraak.mv.db"));

        // A backup cut off halfway, as after a full disk or an interrupted copy.
        byte[] whole = Files.readAllBytes(zip);
        Path truncated = source.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        // A zip whose "database" is 15 bytes of nothing.
        Path bogus = source.resolve("bogus.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bogus))) {
            out.putNextEntry(new ZipEntry("x.mv.db"));
            out.write("not a database!".getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
        }
        // A real H2 database that is not an Inspraak database.
        Path foreign = Files.createTempDirectory("inspraak-foreign");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + foreign.resolve("db/inspraak"), "sa", "")) {
            c.createStatement().execute("create table t (x int)");
        }
        Path foreignZip = foreign.resolve("foreign.zip");
        assertThat(BackupCommand.handle(new String[] {"--backup=" + foreignZip, "--inspraak.data-dir=" + foreign}))
                .contains(0);

        for (Path bad : new Path[] {truncated, bogus, foreignZip}) {
            assertThat(BackupCommand.handle(new String[] {"--restore=" + bad, "--inspraak.data-dir=" + site}))
                    .as(bad.getFileName().toString())
                    .contains(1);
            assertThat(Files.readAllBytes(site.resolve("db/inspraak.mv.db")))
                    .as(bad.getFileName().toString())
                    .isEqualTo(liveBefore);
            try (Stream<Path> files = Files.list(site.resolve("db"))) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("restore-"));
            }
        }
        assertThat(marker(site.resolve("db/inspraak"))).isEqualTo("live");

        // The good backup replaces the live database, and the one it replaced is kept beside it.
        assertThat(BackupCommand.handle(new String[] {"--restore=" + zip, "--inspraak.data-dir=" + site}))
                .contains(0);
        assertThat(marker(site.resolve("db/inspraak"))).isEqualTo("uit de back-up");
        Path kept = Files.createTempDirectory("inspraak-kept");
        Files.copy(site.resolve("db/inspraak.mv.db.before-restore"), kept.resolve("kept.mv.db"));
        assertThat(marker(kept.resolve("kept"))).isEqualTo("live");
    }

    @Test
    void aRestoreRefusesWhileTheSiteHoldsTheDatabase() throws Exception {
        Path zip = goodBackup();
        Path site = Files.createTempDirectory("inspraak-site");
        inspraakLikeDatabase(site, "live");
        try (Connection running =
                DriverManager.getConnection("jdbc:h2:file:" + site.resolve("db/inspraak"), "sa", "")) {
            assertThat(BackupCommand.handle(new String[] {"--restore=" + zip, "--inspraak.data-dir=" + site}))
                    .contains(1);
            ResultSet rs = running.createStatement().executeQuery("select name from marker");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("live");
        }
    }

    /** A backup, made by the backup command, of a database whose marker reads "uit de back-up". */
    private static Path goodBackup() throws Exception {
        Path source = Files.createTempDirectory("inspraak-source");
        inspraakLikeDatabase(source, "uit de back-up");
        Path zip = source.resolve("good.zip");
        assertThat(BackupCommand.handle(new String[] {"--backup=" + zip, "--inspraak.data-dir=" + source}))
                .contains(0);
        return zip;
    }

    /** A file database with a successful Flyway history of version 1 and one table holding a marker. */
    private static void inspraakLikeDatabase(Path dataDir, String marker) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/inspraak"), "sa", "")) {
            c.createStatement()
                    .execute("create table \"flyway_schema_history\" (\"version\" varchar(50), \"success\" boolean)");
            c.createStatement().execute("insert into \"flyway_schema_history\" values ('1', true)");
            c.createStatement().execute("create table marker (name varchar(100))");
            var insert = c.prepareStatement("insert into marker values (?)");
            insert.setString(1, marker);
            insert.execute();
        }
    }

    private static String marker(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db + ";IFEXISTS=TRUE", "sa", "")) {
            ResultSet rs = c.createStatement().executeQuery("select name from marker");
            rs.next();
            return rs.getString(1);
        }
    }
}

package org.inspraak.backup;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.inspraak.CommandLineMode;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Command-line backup and restore of the embedded H2 database, without starting the web server:
 * {@code java -jar inspraak.jar --backup=<file.zip>} and {@code --restore=<file.zip>}, both honouring
 * {@code --inspraak.data-dir} (or INSPRAAK_DATA_DIR). The search index is not backed up: it is rebuilt from the
 * database at the next start. With PostgreSQL, use pg_dump and pg_restore instead.
 */
public final class BackupCommand implements CommandLineMode {

    /** For {@link java.util.ServiceLoader}. */
    public BackupCommand() {}

    @Override
    public Optional<Integer> run(String[] args) {
        return handle(args);
    }

    /** Handles --backup/--restore if present; returns an exit code, or empty when the web app should start. */
    public static Optional<Integer> handle(String[] args) {
        String backup = option(args, "--backup=");
        String restore = option(args, "--restore=");
        if (backup == null && restore == null) {
            return Optional.empty();
        }
        Path dataDir = dataDir(args);
        try {
            if (backup != null) {
                Path target = backup(dataDir, Paths.get(backup));
                System.out.println("Backup written to " + target.toAbsolutePath());
            } else {
                restore(Paths.get(restore), dataDir);
                System.out.println("Restored into " + dataDir.toAbsolutePath()
                        + "; the search index is rebuilt at the next start.");
            }
            return Optional.of(0);
        } catch (IOException | SQLException | RuntimeException e) {
            System.err.println((restore != null ? "Restore failed; the current database is unchanged: " : "Failed: ")
                    + e.getMessage());
            return Optional.of(1);
        }
    }

    /** A consistent online copy of the database (H2's BACKUP runs inside one transaction). */
    public static Path backup(Path dataDir, Path target) throws SQLException, IOException {
        Path db = dataDir.resolve("db").resolve("inspraak");
        if (!Files.exists(dataDir.resolve("db").resolve("inspraak.mv.db"))) {
            throw new IOException("no database at " + db.toAbsolutePath() + ".mv.db");
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (Connection c = DriverManager.getConnection(
                        "jdbc:h2:file:" + db.toAbsolutePath() + ";IFEXISTS=TRUE", "sa", "");
                Statement s = c.createStatement()) {
            backupOn(s, target);
        }
        return target;
    }

    static void backupOn(Statement statement, Path target) throws SQLException {
        String file = target.toAbsolutePath().toString().replace("'", "''");
        statement.execute("BACKUP TO '" + file + "'");
    }

    /**
     * Replaces the database with the backup's and removes the search index, which the next start rebuilds. The backup
     * is unpacked beside the live database, opened and read table by table first; only a copy that passes replaces the
     * live file, in one atomic rename. The database it replaces stays beside it as {@code inspraak.mv.db.before-restore}.
     * Any failure leaves the live database untouched.
     */
    public static void restore(Path zip, Path dataDir) throws IOException, SQLException {
        if (!Files.isRegularFile(zip)) {
            throw new IOException("no backup file at " + zip.toAbsolutePath());
        }
        Path dbDir = dataDir.resolve("db");
        Files.createDirectories(dbDir);
        Path live = dbDir.resolve("inspraak.mv.db");
        Path candidate = dbDir.resolve("restore-" + UUID.randomUUID() + ".mv.db");
        try {
            unpack(zip, candidate);
            validate(candidate);
            if (Files.exists(live)) {
                ensureNotInUse(live);
                Path previous = dbDir.resolve("inspraak.mv.db.before-restore");
                Files.deleteIfExists(previous);
                try {
                    Files.createLink(previous, live);
                } catch (UnsupportedOperationException | IOException noHardLinks) {
                    Files.copy(live, previous, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            Files.move(candidate, live, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(candidate);
            Files.deleteIfExists(dbDir.resolve(baseName(candidate) + ".trace.db"));
        }
        Path index = dataDir.resolve("index");
        if (Files.exists(index)) {
            try (Stream<Path> walk = Files.walk(index)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Copies the backup's one H2 file to {@code target}; a truncated or damaged zip fails here. */
    private static void unpack(Path zip, Path target) throws IOException {
        int found = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.getName().endsWith(".mv.db")) {
                    continue;
                }
                if (++found > 1) {
                    throw new IOException(zip + " contains more than one H2 database");
                }
                Files.copy(nonClosing(in), target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (ZipException | EOFException e) {
            throw new IOException(zip + " is damaged or incomplete: " + e.getMessage(), e);
        }
        if (found == 0) {
            throw new IOException(zip + " contains no H2 database");
        }
    }

    /**
     * Opens the unpacked copy and checks that it is an Inspraak database this version can run: every Flyway migration
     * in it succeeded, none is newer than this build knows, and every table can be read to the end.
     */
    private static void validate(Path candidate) throws IOException, SQLException {
        String url = "jdbc:h2:file:"
                + candidate.getParent().resolve(baseName(candidate)).toAbsolutePath()
                + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            int newest;
            try (ResultSet rs = s.executeQuery("select count(*), sum(case when \"success\" then 0 else 1 end),"
                    + " max(cast(\"version\" as int)) from \"flyway_schema_history\" where \"version\" is not null")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    throw new IOException("the backup holds no Inspraak schema");
                }
                if (rs.getInt(2) > 0) {
                    throw new IOException("the backup holds a failed schema migration");
                }
                newest = rs.getInt(3);
            }
            int known = newestKnownMigration();
            if (newest > known) {
                throw new IOException("the backup is from a newer Inspraak (schema version " + newest
                        + "; this version knows up to " + known + ")");
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs =
                    s.executeQuery("select table_name from information_schema.tables where table_schema = 'PUBLIC'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                // Reading every row makes H2 touch every page of the table, so a damaged file fails here.
                try (ResultSet rs = s.executeQuery("select * from \"" + table.replace("\"", "\"\"") + "\"")) {
                    while (rs.next()) {
                        // read to the end
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("the backup is not a readable Inspraak database: " + e.getMessage(), e);
        }
    }

    private static int newestKnownMigration() throws IOException {
        int newest = 0;
        Pattern version = Pattern.compile("V(\\d+)__.*\\.sql");
        for (Resource r : new PathMatchingResourcePatternResolver(BackupCommand.class.getClassLoader())
                .getResources("classpath*:db/migration/V*__*.sql")) {
            Matcher m = version.matcher(String.valueOf(r.getFilename()));
            if (m.matches()) {
                newest = Math.max(newest, Integer.parseInt(m.group(1)));
            }
        }
        return newest;
    }

    /**
     * A running site holds an exclusive lock on the database file (H2's MVStore locks it while open); taking that lock
     * briefly shows whether Inspraak is still running, in this process or another.
     */
    private static void ensureNotInUse(Path live) throws IOException {
        try (FileChannel channel = FileChannel.open(live, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IOException("the current database is in use; stop Inspraak before restoring");
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new IOException("the current database is in use; stop Inspraak before restoring", e);
        }
    }

    private static String baseName(Path mvDb) {
        String name = mvDb.getFileName().toString();
        return name.substring(0, name.length() - ".mv.db".length());
    }

    private static InputStream nonClosing(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {}
        };
    }

    static Path dataDir(String[] args) {
        String dir = option(args, "--inspraak.data-dir=");
        if (dir == null) {
            dir = System.getenv().getOrDefault("INSPRAAK_DATA_DIR", "./data");
        }
        return Paths.get(dir);
    }

    private static String option(String[] args, String prefix) {
        for (String a : args) {
            if (a.startsWith(prefix)) {
                return a.substring(prefix.length());
            }
        }
        return null;
    }
}

package org.inspraak.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.inspraak.CommandLineMode;

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
            System.err.println("Failed: " + e.getMessage());
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

    /** Replaces the database with the backup's and removes the search index, which the next start rebuilds. */
    public static void restore(Path zip, Path dataDir) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IOException("no backup file at " + zip.toAbsolutePath());
        }
        Path dbDir = dataDir.resolve("db");
        Files.createDirectories(dbDir);
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String name = Paths.get(e.getName()).getFileName().toString();
                if (!name.endsWith(".mv.db")) {
                    continue;
                }
                Files.copy(nonClosing(in), dbDir.resolve("inspraak.mv.db"), StandardCopyOption.REPLACE_EXISTING);
                found = true;
            }
        }
        if (!found) {
            throw new IOException(zip + " contains no H2 database");
        }
        Path index = dataDir.resolve("index");
        if (Files.exists(index)) {
            try (Stream<Path> walk = Files.walk(index)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
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

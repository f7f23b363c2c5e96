package org.inspraak.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;

import org.inspraak.InspraakException;
import org.inspraak.InspraakProperties;
import org.inspraak.audit.AuditService;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admin's backup action: a consistent copy of the running H2 database under the data directory. */
@Service
public class BackupService {

    private final DataSource dataSource;
    private final InspraakProperties properties;
    private final AuditService audit;
    private final Clock clock;

    BackupService(DataSource dataSource, InspraakProperties properties, AuditService audit, Clock clock) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @Secured("ROLE_ADMIN")
    public Path backup() {
        Path target = properties
                .dataDir()
                .resolve("backups")
                .resolve("inspraak-" + LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                        + ".zip");
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2")) {
                throw new InspraakException("error.backup.not-h2");
            }
            Files.createDirectories(target.getParent());
            BackupCommand.backupOn(statement, target);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Backup failed: " + e.getMessage(), e);
        }
        audit.record("BACKUP_CREATED", null, null, target.getFileName().toString());
        return target;
    }
}

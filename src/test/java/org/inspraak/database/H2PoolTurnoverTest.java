package org.inspraak.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default: a fresh H2 file database, as a new installation has, with a pool that retires its
 * connections quickly and keeps none idle.
 */
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class H2PoolTurnoverTest extends WritesAfterPoolTurnover {

    @DynamicPropertySource
    static void freshFileDatabase(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("inspraak-fresh");
        registry.add("inspraak.data-dir", dir::toString);
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:" + dir.resolve("db/inspraak") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        registry.add("spring.datasource.hikari.max-lifetime", () -> "30000");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "0");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
    }

    private static Connection keeper;

    @Override
    Object keepDatabaseOpen() throws SQLException {
        keeper = DriverManager.getConnection(
                dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
        try (var rs = keeper.createStatement().executeQuery("select session_id()")) {
            rs.next();
            return rs.getObject(1);
        }
    }

    @AfterAll
    static void closeKeeper() throws SQLException {
        if (keeper != null) {
            keeper.close();
        }
    }

    @Override
    String openSessionsQuery() {
        return "select session_id from information_schema.sessions";
    }
}

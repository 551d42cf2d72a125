package dev.earshot.postgres.embedded;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresTest {

    @Test
    void startsARealServerThatAnswersSqlWithItsPasswordOnlyAndStopsCleanly() throws Exception {
        Path parent = Files.createTempDirectory("earshot-pg-test");
        // As root the server runs as nobody, who must be able to enter the parent folder.
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = parent.resolve("data");
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(data, 0, "earshot_test", "earshot_test")) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
                    ResultSet rs = c.createStatement().executeQuery("select version(), current_database()")) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).startsWith("PostgreSQL " + EmbeddedPostgres.VERSION.split("\\.")[0]),
                        rs.getString(1));
                assertTrue(rs.getString(2).equals("earshot_test"), rs.getString(2));
            }
            assertThrows(SQLException.class, () -> DriverManager.getConnection(pg.jdbcUrl(), pg.user(), "wrong"),
                    "a wrong password is refused");
            assertTrue(Files.exists(data.resolve("postmaster.pid")));
        }
        assertFalse(Files.exists(data.resolve("postmaster.pid")), "the server still runs after close()");
    }
}

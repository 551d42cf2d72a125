package dev.earshot.console.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresTest {

    @Test
    void startsARealServerThatAnswersSql() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start();
                Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), "");
                ResultSet rs = c.createStatement().executeQuery("select version()")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).startsWith("PostgreSQL 17"), rs.getString(1));
        }
    }
}

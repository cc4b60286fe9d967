package dev.redline.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redline.dryrun.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample is a real Flyway project: real Flyway 11 applies it to a real PostgreSQL (the test JVM's
 * {@link TestServer}), the seed data is what the README promises, and V4 does the damage Redline warns about.
 */
class SampleFlywayTest {

    @TempDir
    Path dir;

    @Test
    void flywayAppliesTheSampleAndV4LosesExactlyWhatRedlineSaysItWill() throws Exception {
        Path project = SampleProject.extractTo(dir);
        String url = TestServer.url(TestServer.createDatabase("shop"));
        MigrateResult upToV3 = flyway(url, project).target("3").load().migrate();
        assertEquals(3, upToV3.migrationsExecuted);

        try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertEquals(2000, count(s, "SELECT count(*) FROM customers"));
            assertEquals(40, count(s, "SELECT count(*) FROM products"));
            assertEquals(6000, count(s, "SELECT count(*) FROM orders"));
            assertEquals(285, count(s, "SELECT count(*) FROM customers WHERE phone IS NULL"));
            assertEquals(100, count(s, "SELECT count(*) FROM customers WHERE length(address) > 255"));
            assertEquals(302, count(s, "SELECT min(length(address)) FROM customers WHERE length(address) > 255"));
            assertEquals(306, count(s, "SELECT max(length(address)) FROM customers"));
            assertEquals(0, count(s, "SELECT count(*) FROM orders WHERE status = 'archived'"));
        }

        MigrateResult v4 = flyway(url, project).load().migrate();
        assertEquals(1, v4.migrationsExecuted);
        assertEquals("4", v4.targetSchemaVersion);
        try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertEquals(0, count(s, "SELECT count(*) FROM customers WHERE phone_number IS NOT NULL"),
                    "every phone number is gone");
            assertEquals(100, count(s, "SELECT count(*) FROM customers WHERE length(address) = 255"),
                    "the long addresses were cut, silently");
            assertEquals(6000, count(s, "SELECT count(*) FROM orders WHERE status = 'archived'"),
                    "every order is archived");
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url, Path project) {
        return Flyway.configure().dataSource(url, null, null)
                .locations("filesystem:" + project.resolve("db/migration"));
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

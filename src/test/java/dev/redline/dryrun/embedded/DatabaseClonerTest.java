package dev.redline.dryrun.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.dryrun.Cancellation;
import dev.redline.dryrun.Cancelled;
import dev.redline.dryrun.DatabaseFingerprint;
import dev.redline.dryrun.TargetConnection;
import dev.redline.dryrun.TargetUrl;
import dev.redline.dryrun.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The clone, against real servers: a full clone is the source's exact canonical dump (schema, every row, sequence
 * values); a sampled one keeps its foreign keys valid by fetching the rows the sample references; the source is
 * only ever read; a cancel stops the copy.
 */
class DatabaseClonerTest {

    private static String source;

    @BeforeAll
    static void createSource() throws SQLException {
        source = TestServer.createDatabase("clone_source");
        CloneSource.create(TestServer.url(source));
    }

    @Test
    void fullCloneHasTheSourcesCanonicalDumpAndTheSourceIsUnchanged() throws Exception {
        DatabaseFingerprint before = DatabaseFingerprint.of(source);
        String copy = TestServer.createDatabase("clone_full", "template0");
        List<String> copied = new ArrayList<>();
        DatabaseCloner.Result result;
        try (Connection dst = TestServer.connect(copy)) {
            result = DatabaseCloner.cloneInto(TargetUrl.parse(TestServer.url(source)), Map.of(), null, dst,
                    new EmbeddedProgress() {
                        @Override
                        public void copying(String table, int index, int total, long rows, long estimate,
                                            boolean done) {
                            if (done) {
                                copied.add(table + "=" + rows);
                            }
                        }
                    }, new Cancellation());
        }
        assertEquals(List.of(), result.notCopied(), "everything in the source can be cloned");
        assertTrue(copied.contains("shop.customers=" + CloneSource.CUSTOMERS), copied::toString);
        assertTrue(copied.stream().anyMatch(c -> c.startsWith("shop.events_2024=")), "partitions copy: " + copied);
        assertEquals(List.of(), before.differences(DatabaseFingerprint.of(copy)),
                "the clone differs from the source");
        assertEquals(List.of(), before.differences(DatabaseFingerprint.of(source)), "the source changed");
        try (Connection c = TestServer.connect(copy); Statement s = c.createStatement()) {
            // identity and serial go on from where the source is, the role the GRANT names exists
            assertEquals(CloneSource.CUSTOMERS + 1L, one(s, "INSERT INTO shop.customers (email) VALUES "
                    + "('new@example.com') RETURNING id"));
            assertEquals(CloneSource.ORDERS + 1L, one(s, "INSERT INTO shop.orders (customer_id) VALUES (1) "
                    + "RETURNING id"));
            assertEquals(1L, one(s, "SELECT count(*) FROM pg_roles WHERE rolname = 'clone_reader'"));
            assertEquals("relpersistence u", "relpersistence " + text(s, "SELECT relpersistence FROM pg_class "
                    + "WHERE oid = 'shop.cache'::regclass"));
        }
    }

    @Test
    void sampledCloneKeepsForeignKeysByFetchingWhatTheSampleReferences() throws Exception {
        String copy = TestServer.createDatabase("clone_sample", "template0");
        DatabaseCloner.Result result;
        try (Connection dst = TestServer.connect(copy)) {
            result = DatabaseCloner.cloneInto(TargetUrl.parse(TestServer.url(source)), Map.of(), 200, dst,
                    EmbeddedProgress.none(), new Cancellation());
        }
        assertEquals(List.of(), result.notCopied(), "every foreign key holds in the sample");
        assertTrue(result.referenceRows() > 0, result::toString);
        try (Connection c = TestServer.connect(copy); Statement s = c.createStatement()) {
            assertEquals(200L, one(s, "SELECT count(*) FROM shop.items"));
            long orders = one(s, "SELECT count(*) FROM shop.orders");
            assertTrue(orders > 200 && orders <= 400, "200 sampled orders plus those the items reference: " + orders);
            assertEquals(0L, one(s, "SELECT count(*) FROM shop.items i WHERE NOT EXISTS "
                    + "(SELECT 1 FROM shop.orders o WHERE o.id = i.order_id)"));
            assertEquals(0L, one(s, "SELECT count(*) FROM shop.customers c WHERE c.referred_by IS NOT NULL AND "
                    + "NOT EXISTS (SELECT 1 FROM shop.customers r WHERE r.id = c.referred_by)"));
            assertEquals(40L, one(s, "SELECT count(*) FROM flyway_schema_history"), "history is copied whole");
            assertEquals(3L, one(s, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' "
                    + "AND connamespace = 'shop'::regnamespace"), "the foreign keys were added, validated");
        }
    }

    @Test
    void theSourceSessionIsReadOnly() throws Exception {
        try (TargetConnection t = TargetConnection.open(TargetUrl.parse(TestServer.url(source)), Map.of(),
                "test", Map.of("readOnly", "true"))) {
            DatabaseCloner.readOnlySession(t.jdbc(), t.serverVersionNum());
            try (Statement s = t.jdbc().createStatement()) {
                SQLException e = assertThrows(SQLException.class,
                        () -> s.execute("CREATE TABLE shop.should_not_exist (x int)"));
                assertEquals("25006", e.getSQLState(), e::getMessage); // read_only_sql_transaction
            }
            t.jdbc().rollback();
            try (Statement s = t.jdbc().createStatement()) {
                assertEquals("on", text(s, "SHOW default_transaction_read_only"));
            }
        }
    }

    @Test
    void cancelStopsTheCopy() throws Exception {
        String copy = TestServer.createDatabase("clone_cancel", "template0");
        Cancellation cancellation = new Cancellation();
        try (Connection dst = TestServer.connect(copy)) {
            assertThrows(Cancelled.class, () -> DatabaseCloner.cloneInto(TargetUrl.parse(TestServer.url(source)),
                    Map.of(), null, dst, new EmbeddedProgress() {
                        @Override
                        public void copying(String table, int index, int total, long rows, long estimate,
                                            boolean done) {
                            cancellation.cancel();
                        }
                    }, cancellation));
        }
        try (Connection c = TestServer.connect("postgres"); Statement s = c.createStatement()) {
            assertEquals(0L, one(s, "SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                    + "'redline clone (read-only)' AND state <> 'idle'"), "no clone session is left working");
        }
    }

    private static long one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

package dev.redline.dryrun;

import static dev.redline.dryrun.DryRunHarness.assertUnchanged;
import static dev.redline.dryrun.DryRunHarness.locksOn;
import static dev.redline.dryrun.DryRunHarness.otherSessions;
import static dev.redline.dryrun.DryRunHarness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.dryrun.DryRunReport.MigrationRun;
import dev.redline.dryrun.DryRunReport.StatementOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dry-run cut short — its backend terminated, its statement cancelled, its whole process killed — leaves no
 * transaction, no session and no lock behind, and the database as it was. Each migration first takes an
 * ACCESS EXCLUSIVE lock on customers, then sleeps, so there is something to leave behind if anything did.
 */
class InterruptedDryRunTest {

    private static final String LOCK_THEN_SLEEP = """
            ALTER TABLE customers ADD COLUMN z int;
            SELECT pg_sleep(60);
            ALTER TABLE customers ADD COLUMN never int;
            """;

    @TempDir
    Path dir;

    @Test
    void backendTerminatedByAnotherSession() throws Exception {
        String db = Seed.freshDatabase("terminated");
        DatabaseFingerprint before = DatabaseFingerprint.of(db);
        List<Path> files = write(dir, "V1__slow.sql", LOCK_THEN_SLEEP);
        CompletableFuture<DryRunReport> run = CompletableFuture.supplyAsync(() -> call(db, files, new Cancellation()));

        int pid = awaitSleepingBackend(db);
        assertTrue(holdsLock(pid, "customers", "AccessExclusiveLock"), "the dry-run should hold its lock now");
        try (Connection admin = TestServer.connect("postgres"); Statement s = admin.createStatement()) {
            s.execute("SELECT pg_terminate_backend(" + pid + ")");
        }
        DryRunReport report = run.get(30, TimeUnit.SECONDS);

        assertNotNull(report.abort());
        assertEquals("connection-lost", report.abort().kind(), report.abort()::toString);
        MigrationRun m = report.migrations().get(0);
        assertEquals("57P01", m.statements().get(1).error().sqlState(), m::toString);
        assertEquals(StatementOutcome.SKIPPED, m.statements().get(2).outcome());
        assertNothingLeft(db, pid);
        assertUnchanged(before, db);
    }

    @Test
    void statementCancelledMidWay() throws Exception {
        String db = Seed.freshDatabase("cancelled");
        DatabaseFingerprint before = DatabaseFingerprint.of(db);
        List<Path> files = write(dir, "V1__slow.sql", LOCK_THEN_SLEEP, "V2__after.sql", "SELECT 1;\n");
        Cancellation cancellation = new Cancellation();
        CompletableFuture<DryRunReport> run = CompletableFuture.supplyAsync(() -> call(db, files, cancellation));

        int pid = awaitSleepingBackend(db);
        long t0 = System.nanoTime();
        cancellation.cancel();
        DryRunReport report = run.get(30, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10), "cancel must not wait for the sleep");

        assertEquals("cancelled", report.abort().kind());
        assertEquals("57014", report.migrations().get(0).statements().get(1).error().sqlState());
        assertEquals(DryRunReport.MigrationOutcome.SKIPPED, report.migrations().get(1).outcome());
        assertNothingLeft(db, pid);
        assertUnchanged(before, db);
    }

    @Test
    void clientProcessKilledMidStatement() throws Exception {
        String db = Seed.freshDatabase("killed");
        DatabaseFingerprint before = DatabaseFingerprint.of(db);
        Path migration = Files.writeString(dir.resolve("V1__slow.sql"), LOCK_THEN_SLEEP);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), "dev.redline.Redline", "dry-run", "--db", TestServer.url(db),
                "--migration", migration.toString(), dir.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            int pid = awaitSleepingBackend(db);
            assertTrue(holdsLock(pid, "customers", "AccessExclusiveLock"));
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the client
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            // client_connection_check_interval (1 s) makes the server notice the closed socket mid-statement.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (backendAlive(pid) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertNothingLeft(db, pid);
        } finally {
            child.destroyForcibly();
        }
        assertUnchanged(before, db);
    }

    private static DryRunReport call(String db, List<Path> files, Cancellation cancellation) {
        try {
            return DryRunHarness.run(db, files, DryRunSettings.defaults(), cancellation);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the dry-run's backend on {@code db} is inside pg_sleep, and returns its pid. */
    private static int awaitSleepingBackend(String db) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Connection c = TestServer.connect("postgres"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = '" + db
                         + "' AND application_name = 'redline dry-run' AND state = 'active' "
                         + "AND query LIKE '%pg_sleep%'")) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the dry-run never reached its pg_sleep");
    }

    private static boolean holdsLock(int pid, String table, String mode) throws SQLException {
        try (Connection c = TestServer.connect(db(pid)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE pid = " + pid + " AND mode = '"
                     + mode + "' AND locktype = 'relation' AND relation = '" + table + "'::regclass")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static String db(int pid) throws SQLException {
        try (Connection c = TestServer.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_stat_activity WHERE pid = " + pid)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean backendAlive(int pid) throws SQLException {
        try (Connection c = TestServer.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /** No backend, no transaction and no lock of the dry-run's remains; the table can be locked again at once. */
    private static void assertNothingLeft(String db, int pid) throws SQLException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((backendAlive(pid) || otherSessions(db) > 0) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertTrue(!backendAlive(pid), "the dry-run's backend " + pid + " is still there");
        assertEquals(0, otherSessions(db), "a session is still open on " + db);
        assertEquals(0, locksOn(db), "a lock is still held on " + db);
        try (Connection c = TestServer.connect(db); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL lock_timeout = '1s'");
            s.execute("LOCK TABLE customers IN ACCESS EXCLUSIVE MODE");
            c.rollback();
        }
    }
}

package dev.redline.dryrun;

import static dev.redline.dryrun.DryRunHarness.assertUnchanged;
import static dev.redline.dryrun.DryRunHarness.statementAtLine;
import static dev.redline.dryrun.DryRunHarness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.dryrun.DryRunReport.StatementOutcome;
import dev.redline.dryrun.DryRunReport.ThrowawayOutcome;
import dev.redline.dryrun.DryRunReport.ThrowawayRun;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations PostgreSQL will not run in a transaction, run whole on a {@code CREATE DATABASE … TEMPLATE} copy of a
 * real seeded database ({@link Seed}): the copy shows what the migration does, is dropped afterwards, and the target
 * is left exactly as it was; when no copy can be made, the reason is said plainly.
 */
class ThrowawayCopyTest {

    @TempDir
    Path dir;

    /** The transactional dry-run, then the copies, as {@code redline dry-run --throwaway-copy} runs them. */
    private static DryRunReport dryRun(String url, List<Path> files) throws Exception {
        MigrationSelection selection = MigrationSelection.ofFiles(files);
        DryRunReport report;
        try (TargetConnection target = TargetConnection.open(TargetUrl.parse(url), Map.of())) {
            report = new DryRunner(DryRunSettings.defaults()).run(target, "clone", null, selection.migrations(),
                    new Cancellation());
        }
        List<ThrowawayRun> copies = new ThrowawayCopy(DryRunSettings.defaults()).run(TargetUrl.parse(url), Map.of(),
                selection.migrations(), report.migrations(), new Cancellation());
        return report.withThrowawayCopies(copies);
    }

    private static List<String> leftoverCopies() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = TestServer.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '"
                     + ThrowawayCopy.PREFIX + "%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void aConcurrentIndexRunsWholeOnACopyThatIsThenDropped() throws Exception {
        String db = Seed.freshDatabase("throwaway_ok");
        DatabaseFingerprint before = DatabaseFingerprint.of(db);

        DryRunReport report = dryRun(TestServer.url(db), write(dir, "V7__index.sql", """
                CREATE INDEX CONCURRENTLY customers_name ON customers (name);
                ALTER TABLE customers ADD COLUMN x int;
                """));

        // In the transaction the index could only be skipped...
        assertEquals(StatementOutcome.SKIPPED, statementAtLine(report.migrations().get(0), 1).outcome());
        // ...on the copy it ran, with everything else, for real.
        assertEquals(1, report.throwawayCopies().size());
        ThrowawayRun copy = report.throwawayCopies().get(0);
        assertEquals(ThrowawayOutcome.OK, copy.outcome(), copy.toString());
        assertTrue(copy.database().startsWith(ThrowawayCopy.PREFIX), copy.database());
        assertEquals(2, copy.statements().size());
        for (DryRunReport.StatementRun s : copy.statements()) {
            assertEquals(StatementOutcome.OK, s.outcome(), s.toString());
        }
        assertTrue(copy.schemaChanges().stream().anyMatch(ch -> ch.change().equals("index-created")
                && "customers_name".equals(ch.object())), copy.schemaChanges().toString());
        assertTrue(copy.schemaChanges().stream().anyMatch(ch -> ch.change().equals("column-added")
                && "x".equals(ch.column())), copy.schemaChanges().toString());
        assertTrue(copy.rowCounts().stream().anyMatch(r -> r.table().endsWith("customers")
                && r.before() == Seed.CUSTOMERS && r.after() == Seed.CUSTOMERS), copy.rowCounts().toString());
        assertTrue(copy.dropped());
        assertTrue(report.allOk());
        assertEquals(List.of(), leftoverCopies(), "the copy is gone");
        assertUnchanged(before, db);
    }

    @Test
    void aFailureOnTheCopyFailsTheDryRunAndTheCopyIsStillDropped() throws Exception {
        String db = Seed.freshDatabase("throwaway_fail");
        DatabaseFingerprint before = DatabaseFingerprint.of(db);

        DryRunReport report = dryRun(TestServer.url(db), write(dir, "V8__unique.sql", """
                CREATE UNIQUE INDEX CONCURRENTLY customers_email ON customers (email);
                ALTER TABLE customers ADD COLUMN y int;
                """));

        ThrowawayRun copy = report.throwawayCopies().get(0);
        assertEquals(ThrowawayOutcome.FAILED, copy.outcome(), copy.toString());
        DryRunReport.StatementRun index = statementAtLine(new DryRunReport.MigrationRun(copy.path(), null,
                DryRunReport.MigrationOutcome.FAILED, null, false, copy.statements(), List.of(), List.of(), 0), 1);
        assertEquals(StatementOutcome.ERROR, index.outcome());
        assertEquals("23505", index.error().sqlState(), index.toString());
        assertTrue(index.error().detail().contains("is duplicated"), index.error().toString());
        // Outside a transaction a migration tool stops at the first failure: so does the copy.
        assertEquals(StatementOutcome.SKIPPED, copy.statements().get(1).outcome());
        assertTrue(copy.dropped());
        assertFalse(report.allOk(), "a migration that fails on the copy fails the dry-run");
        assertEquals(List.of(), leftoverCopies());
        assertUnchanged(before, db);
    }

    @Test
    void anotherSessionOnTheTargetMeansNoCopyAndTheReportSaysWhy() throws Exception {
        String db = Seed.freshDatabase("throwaway_busy");
        DatabaseFingerprint before = DatabaseFingerprint.of(db);
        try (Connection someoneElse = TestServer.connect(db)) {
            assertNotNull(someoneElse);
            DryRunReport report = dryRun(TestServer.url(db), write(dir, "V9__vacuum.sql", "VACUUM customers;\n"));

            ThrowawayRun copy = report.throwawayCopies().get(0);
            assertEquals(ThrowawayOutcome.UNAVAILABLE, copy.outcome());
            assertNull(copy.database());
            assertTrue(copy.reason().contains("1 other session is connected to " + db), copy.reason());
            assertTrue(copy.reason().contains("TEMPLATE copies a database only while nobody else is connected"),
                    copy.reason());
            assertTrue(report.allOk(), "no copy is not a failure: the transactional dry-run still stands");
        }
        assertEquals(List.of(), leftoverCopies());
        assertUnchanged(before, db);
    }

    @Test
    void aRoleThatMayNotCreateDatabasesGetsNoCopy() throws Exception {
        String db = Seed.freshDatabase("throwaway_role");
        try (Connection c = TestServer.connect(db); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reviewer_nocreatedb') "
                    + "THEN CREATE ROLE reviewer_nocreatedb LOGIN NOCREATEDB; END IF; END $$");
            s.execute("GRANT ALL ON ALL TABLES IN SCHEMA public TO reviewer_nocreatedb");
        }
        String url = "jdbc:postgresql://localhost:" + TestServer.port() + "/" + db + "?user=reviewer_nocreatedb";

        DryRunReport report = dryRun(url, write(dir, "V10__index.sql",
                "CREATE INDEX CONCURRENTLY customers_phone ON customers (phone);\n"));

        ThrowawayRun copy = report.throwawayCopies().get(0);
        assertEquals(ThrowawayOutcome.UNAVAILABLE, copy.outcome());
        assertTrue(copy.reason().contains("reviewer_nocreatedb may not create databases (it needs CREATEDB)"),
                copy.reason());
        assertEquals(List.of(), leftoverCopies());
    }

    @Test
    void cancellingStopsTheStatementOnTheCopyAndStillDropsIt() throws Exception {
        String db = Seed.freshDatabase("throwaway_cancel");
        DatabaseFingerprint before = DatabaseFingerprint.of(db);
        List<Path> files = write(dir, "V12__slow.sql", "VACUUM customers;\nSELECT pg_sleep(20);\n");
        MigrationSelection selection = MigrationSelection.ofFiles(files);
        DryRunReport report;
        try (TargetConnection target = TargetConnection.open(TargetUrl.parse(TestServer.url(db)), Map.of())) {
            // In the transaction the sleep just times out; on the copy it would run its full 20 s.
            report = new DryRunner(DryRunSettings.defaults().withStatementTimeout(java.time.Duration.ofMillis(300)))
                    .run(target, "clone", null, selection.migrations(), new Cancellation());
        }
        Cancellation cancellation = new Cancellation();
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                return;
            }
            cancellation.cancel();
        });
        long t0 = System.nanoTime();
        canceller.start();
        List<ThrowawayRun> copies = new ThrowawayCopy(DryRunSettings.defaults()).run(TargetUrl.parse(
                TestServer.url(db)), Map.of(), selection.migrations(), report.migrations(), cancellation);
        double seconds = (System.nanoTime() - t0) / 1e9;
        canceller.join();

        ThrowawayRun copy = copies.get(0);
        assertEquals(ThrowawayOutcome.FAILED, copy.outcome(), copy.toString());
        assertEquals("cancelled while it ran on the throwaway copy", copy.reason());
        assertEquals("57014", copy.statements().get(1).error().sqlState(), copy.toString());
        assertTrue(seconds < 15, "the sleep was cancelled, not waited out: " + seconds + " s");
        assertTrue(copy.dropped());
        assertEquals(List.of(), leftoverCopies());
        assertUnchanged(before, db);
    }

    @Test
    void aMigrationThatRunsWhollyInTheTransactionNeedsNoCopy() throws Exception {
        String db = Seed.freshDatabase("throwaway_none");
        DryRunReport report = dryRun(TestServer.url(db), write(dir, "V11__col.sql",
                "ALTER TABLE customers ADD COLUMN z int;\n"));
        assertEquals(List.of(), report.throwawayCopies());
    }

    @Test
    void theUrlOfAnotherDatabaseKeepsServerUserAndParameters() {
        TargetUrl url = TargetUrl.parse("jdbc:postgresql://db.example:6543/app?user=ann&sslmode=require&password=s3");
        TargetUrl other = url.withDatabase("redline_throwaway_1");
        assertEquals("jdbc:postgresql://db.example:6543/redline_throwaway_1?user=ann&sslmode=require",
                other.jdbcUrl());
        assertEquals("redline_throwaway_1", other.database());
        assertEquals("ann", other.user());
        assertEquals("s3", other.password(), "the password travels in memory to the copy's connection");
        assertFalse(other.display().contains("s3"));
    }
}

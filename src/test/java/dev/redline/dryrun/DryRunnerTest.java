package dev.redline.dryrun;

import static dev.redline.dryrun.DryRunHarness.assertUnchanged;
import static dev.redline.dryrun.DryRunHarness.statementAtLine;
import static dev.redline.dryrun.DryRunHarness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.dryrun.DryRunReport.HeldLock;
import dev.redline.dryrun.DryRunReport.MigrationOutcome;
import dev.redline.dryrun.DryRunReport.MigrationRun;
import dev.redline.dryrun.DryRunReport.RowCount;
import dev.redline.dryrun.DryRunReport.SchemaChange;
import dev.redline.dryrun.DryRunReport.StatementOutcome;
import dev.redline.dryrun.DryRunReport.StatementRun;
import dev.redline.dryrun.DryRunReport.ValueChange;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dry-run against a real PostgreSQL 17 with seeded data ({@link Seed}). Every test proves the database's
 * canonical dump ({@link DatabaseFingerprint}) is what it was before, or names exactly what differs and why.
 */
class DryRunnerTest {

    @TempDir
    Path dir;

    @Test
    void destructiveMigrationRunsAndRollsBack() throws Exception {
        String db = Seed.freshDatabase("destructive");
        DatabaseFingerprint before = DatabaseFingerprint.of(db);
        DryRunReport report = DryRunHarness.run(db, write(dir, "V2__cleanup.sql", """
                -- the cleanup nobody reviewed
                ALTER TABLE customers DROP COLUMN phone;
                DROP TABLE legacy_audit;
                UPDATE orders SET status = 0;
                DELETE FROM orders WHERE status = 0;
                """));

        assertFalse(report.committed());
        assertNull(report.abort());
        MigrationRun m = report.migrations().get(0);
        assertEquals(MigrationOutcome.OK, m.outcome(), m::toString);

        StatementRun drop = statementAtLine(m, 2);
        assertEquals(StatementOutcome.OK, drop.outcome());
        assertTrue(drop.locks().contains(new HeldLock("public.customers", "AccessExclusiveLock")), drop::toString);
        assertFalse(drop.rewrote(), "DROP COLUMN only marks the column dropped");
        assertTrue(statementAtLine(m, 3).locks().contains(new HeldLock("public.legacy_audit", "AccessExclusiveLock")));
        assertEquals(Seed.ORDERS, statementAtLine(m, 4).rows());
        assertTrue(statementAtLine(m, 4).locks().contains(new HeldLock("public.orders", "RowExclusiveLock")));
        assertEquals(Seed.ORDERS, statementAtLine(m, 5).rows());

        assertTrue(m.rowCounts().contains(new RowCount("public.customers", (long) Seed.CUSTOMERS,
                (long) Seed.CUSTOMERS)), m.rowCounts()::toString);
        assertTrue(m.rowCounts().contains(new RowCount("public.legacy_audit", (long) Seed.LEGACY_ROWS, null)));
        assertTrue(m.rowCounts().contains(new RowCount("public.orders", (long) Seed.ORDERS, 0L)));
        assertTrue(m.schemaChanges().contains(new SchemaChange("column-dropped", "public.customers", "phone", null,
                "text", null)), m.schemaChanges()::toString);
        assertTrue(m.schemaChanges().contains(new SchemaChange("table-dropped", "public.legacy_audit", null, null,
                null, null)));
        assertTrue(report.sideEffects().stream().anyMatch(s -> s.kind().equals("dead-tuples")
                && "public.orders".equals(s.object())), report.sideEffects()::toString);

        assertUnchanged(before, db);
    }

    @Test
    void failingStatementsAreEachReportedAndTheRestStillRuns() throws Exception {
        String db = Seed.freshDatabase("failing");
        DatabaseFingerprint before = DatabaseFingerprint.of(db);
        DryRunReport report = DryRunHarness.run(db, write(dir, "V3__constraints.sql", """
                CREATE UNIQUE INDEX customers_email ON customers (email);
                ALTER TABLE customers ALTER COLUMN name SET NOT NULL;
                ALTER TABLE customers ALTER COLUMN phone TYPE varchar(12);
                ALTER TABLE customers ADD COLUMN nickname text;
                """));

        MigrationRun m = report.migrations().get(0);
        assertEquals(MigrationOutcome.FAILED, m.outcome());
        StatementRun unique = statementAtLine(m, 1);
        assertEquals("23505", unique.error().sqlState(), unique::toString);
        assertTrue(unique.error().detail().matches("Key \\(email\\)=\\(user\\d+@example\\.com\\) is duplicated\\."),
                unique.error().detail());
        StatementRun notNull = statementAtLine(m, 2);
        assertEquals("23502", notNull.error().sqlState(), notNull::toString);
        assertTrue(notNull.error().message().contains("contains null values"), notNull.error().message());
        StatementRun tooLong = statementAtLine(m, 3);
        assertEquals("22001", tooLong.error().sqlState(), tooLong::toString);
        assertEquals(List.of(), tooLong.valueChanges(), "a failed conversion changed nothing");
        StatementRun after = statementAtLine(m, 4);
        assertEquals(StatementOutcome.OK, after.outcome(), "a failure must not hide the statements after it");
        assertEquals(List.of(new SchemaChange("column-added", "public.customers", "nickname", null, null, "text")),
                m.schemaChanges());

        assertUnchanged(before, db);
    }

    @Test
    void silentTruncationIsCounted() throws Exception {
        String db = Seed.freshDatabase("truncation");
        DatabaseFingerprint before = DatabaseFingerprint.of(db);
        DryRunReport report = DryRunHarness.run(db, write(dir, "V4__phone.sql",
                "ALTER TABLE customers ALTER COLUMN phone TYPE varchar(12) USING phone::varchar(12);\n"));

        MigrationRun m = report.migrations().get(0);
        assertEquals(MigrationOutcome.OK, m.outcome(), m::toString);
        StatementRun alter = m.statements().get(0);
        assertEquals(List.of(new ValueChange("public.customers", "phone", Seed.LONG_PHONES)), alter.valueChanges());
        assertTrue(alter.rewrote(), "a type change that casts every value rewrites the table");
        assertEquals(List.of("public.customers"), alter.rewrittenTables());
        assertTrue(alter.locks().contains(new HeldLock("public.customers", "AccessExclusiveLock")));
        assertTrue(m.schemaChanges().contains(new SchemaChange("column-type-changed", "public.customers", "phone",
                null, "text", "character varying(12)")), m.schemaChanges()::toString);

        assertUnchanged(before, db);
    }

    @Test
    void aCommitInsideRefusesTheMigrationAndNothingRuns() throws Exception {
        String db = Seed.freshDatabase("commit");
        DatabaseFingerprint before = DatabaseFingerprint.of(db);
        DryRunReport report = DryRunHarness.run(db, write(dir, "V5__commit.sql", """
                CREATE TABLE marker (id int);
                INSERT INTO marker VALUES (1);
                COMMIT;
                DROP TABLE customers CASCADE;
                """));

        MigrationRun m = report.migrations().get(0);
        assertEquals(MigrationOutcome.REFUSED, m.outcome());
        assertTrue(m.reason().contains("COMMIT at line 3"), m.reason());
        assertEquals(List.of(), m.statements(), "a refused migration sends nothing");
        assertFalse(report.allOk());
        assertUnchanged(before, db);
    }

    @Test
    void aScriptsOwnBeginCommitWrapperIsNeutralised() throws Exception {
        String db = Seed.freshDatabase("wrapper");
        DatabaseFingerprint before = DatabaseFingerprint.of(db);
        DryRunReport report = DryRunHarness.run(db, write(dir, "deploy.sql", """
                BEGIN;
                CREATE TABLE marker (id int);
                INSERT INTO marker VALUES (1);
                COMMIT;
                """));

        MigrationRun m = report.migrations().get(0);
        assertEquals(MigrationOutcome.OK, m.outcome(), m::toString);
        assertEquals(StatementOutcome.SKIPPED, statementAtLine(m, 1).outcome());
        assertEquals(StatementOutcome.SKIPPED, statementAtLine(m, 4).outcome());
        assertTrue(statementAtLine(m, 4).note().contains("never commits"));
        assertTrue(m.rowCounts().contains(new RowCount("public.marker", null, 1L)), m.rowCounts()::toString);
        assertUnchanged(before, db);
    }

    @Test
    void aProcedureThatCommitsCannotCommit() throws Exception {
        String db = Seed.freshDatabase("call");
        DatabaseFingerprint before = DatabaseFingerprint.of(db);
        DryRunReport report = DryRunHarness.run(db, write(dir, "V6__archive.sql", "CALL archive_and_commit();\n"));

        StatementRun call = report.migrations().get(0).statements().get(0);
        assertEquals("2D000", call.error().sqlState(), call::toString);
        assertEquals(MigrationScreen.CALL_NOTE, call.note());
        assertUnchanged(before, db);
    }

    @Test
    void statementsThatCannotRunInATransactionAreSkippedWithTheReason() throws Exception {
        String db = Seed.freshDatabase("concurrently");
        DatabaseFingerprint before = DatabaseFingerprint.of(db);
        DryRunReport report = DryRunHarness.run(db, write(dir, "V7__index.sql", """
                CREATE INDEX CONCURRENTLY customers_name ON customers (name);
                ALTER TABLE customers ADD COLUMN x int;
                """));

        MigrationRun m = report.migrations().get(0);
        assertEquals(MigrationOutcome.OK, m.outcome());
        StatementRun index = statementAtLine(m, 1);
        assertEquals(StatementOutcome.SKIPPED, index.outcome());
        assertTrue(index.note().startsWith("CREATE INDEX CONCURRENTLY cannot run inside a transaction"), index.note());
        assertTrue(index.note().contains("TEMPLATE needs no other session"), index.note());
        assertEquals(StatementOutcome.OK, statementAtLine(m, 2).outcome());
        assertUnchanged(before, db);
    }

    @Test
    void sequencesAdvancedAreReportedAsASideEffect() throws Exception {
        String db = Seed.freshDatabase("sequence");
        DatabaseFingerprint before = DatabaseFingerprint.of(db);
        DryRunReport report = DryRunHarness.run(db, write(dir, "V8__orders.sql",
                "INSERT INTO orders (customer_id, status) VALUES (1, 1), (2, 1);\n"));

        MigrationRun m = report.migrations().get(0);
        assertEquals(2L, m.statements().get(0).rows());
        assertTrue(m.rowCounts().contains(new RowCount("public.orders", (long) Seed.ORDERS, Seed.ORDERS + 2L)),
                m.rowCounts()::toString);
        assertTrue(report.sideEffects().stream().anyMatch(s -> s.kind().equals("sequence-advanced")
                && "public.orders_id_seq".equals(s.object()) && s.detail().startsWith("last_value 20000 → 20002")),
                report.sideEffects()::toString);
        // Everything but the sequence is as it was; the sequence moved, exactly as reported.
        DatabaseFingerprint after = DatabaseFingerprint.of(db);
        assertEquals(List.of(), before.withoutSequenceValues().differences(after.withoutSequenceValues()));
        assertEquals(1, before.differences(after).size());
        assertTrue(before.differences(after).get(0).startsWith(DatabaseFingerprint.SEQUENCE_VALUES));
    }

    @Test
    void lockTimeoutStopsAStatementThatWouldWait() throws Exception {
        String db = Seed.freshDatabase("locktimeout");
        DatabaseFingerprint before = DatabaseFingerprint.of(db);
        try (Connection holder = TestServer.connect(db); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("LOCK TABLE customers IN ACCESS SHARE MODE");
            long t0 = System.nanoTime();
            DryRunReport report = DryRunHarness.run(db, write(dir, "V9__add.sql",
                    "ALTER TABLE customers ADD COLUMN y int;\n"),
                    DryRunSettings.defaults().withLockTimeout(Duration.ofMillis(300)), new Cancellation());
            StatementRun alter = report.migrations().get(0).statements().get(0);
            assertEquals("55P03", alter.error().sqlState(), alter::toString);
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos());
            holder.rollback();
        }
        assertUnchanged(before, db);
    }

    @Test
    void severalMigrationsRunInOrderInOneTransaction() throws Exception {
        String db = Seed.freshDatabase("several");
        DatabaseFingerprint before = DatabaseFingerprint.of(db);
        DryRunReport report = DryRunHarness.run(db, write(dir,
                "V10__create.sql", "CREATE TABLE notes (id int PRIMARY KEY, body text);\n",
                "V11__fill.sql", "INSERT INTO notes SELECT g, 'n' FROM generate_series(1, 5) g;\n"));
        assertEquals(2, report.migrations().size());
        assertTrue(report.allOk(), report::toString);
        assertEquals(List.of(new RowCount("public.notes", 0L, 5L)), report.migrations().get(1).rowCounts());
        assertNotNull(report.database().serverVersion());
        assertUnchanged(before, db);
    }
}

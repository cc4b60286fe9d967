package dev.redline.dryrun;

import dev.redline.core.analysis.PreparedMigration;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.sql.SqlStatement;
import dev.redline.dryrun.DryRunReport.Abort;
import dev.redline.dryrun.DryRunReport.HeldLock;
import dev.redline.dryrun.DryRunReport.HistorySummary;
import dev.redline.dryrun.DryRunReport.MigrationOutcome;
import dev.redline.dryrun.DryRunReport.MigrationRun;
import dev.redline.dryrun.DryRunReport.RowCount;
import dev.redline.dryrun.DryRunReport.SchemaChange;
import dev.redline.dryrun.DryRunReport.SideEffect;
import dev.redline.dryrun.DryRunReport.StatementError;
import dev.redline.dryrun.DryRunReport.StatementOutcome;
import dev.redline.dryrun.DryRunReport.StatementRun;
import dev.redline.dryrun.DryRunReport.ValueChange;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs migrations against a clone inside one transaction and rolls it back, always: after the last migration, on
 * an error, on cancel. Each statement runs under its own savepoint, so a failure is reported and the statements
 * after it still run; around each one the runner measures its duration, the locks it took, whether it rewrote a
 * table and, for type changes, how many values changed. Around each migration it counts the rows of every table it
 * touches and diffs the schema.
 *
 * <p>Nothing is sent that could commit: {@link MigrationScreen} refuses migrations that control their own
 * transaction and skips statements PostgreSQL will not run in one. Should a statement end the transaction anyway,
 * the savepoint after it is gone; the runner notices at once and stops.
 */
public final class DryRunner {

    private static final String SAVEPOINT = "redline_statement";

    private final DryRunSettings settings;

    public DryRunner(DryRunSettings settings) {
        this.settings = settings;
    }

    /** The connection was lost, or the transaction ended under us: nothing more can run. */
    private static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Abort abort;

        Stop(Abort abort) {
            this.abort = abort;
        }
    }

    /** Told before each migration of the plan runs. */
    public interface Listener {
        void starting(int index, int total, PlannedMigration migration);
    }

    public DryRunReport run(TargetConnection target, String role, HistorySummary history,
                            List<PlannedMigration> plan, Cancellation cancellation) {
        return run(target, role, history, plan, cancellation, (index, total, migration) -> { });
    }

    public DryRunReport run(TargetConnection target, String role, HistorySummary history,
                            List<PlannedMigration> plan, Cancellation cancellation, Listener listener) {
        Connection c = target.jdbc();
        long started = System.nanoTime();
        List<MigrationRun> runs = new ArrayList<>();
        Abort abort = null;
        Map<String, Long> sequencesBefore = null;
        boolean probeConnectionChecks = target.serverVersionNum() >= 140000;
        RunState state = new RunState();
        try {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '" + settings.lockTimeout().toMillis() + "ms'");
                s.execute("SET LOCAL statement_timeout = '" + settings.statementTimeout().toMillis() + "ms'");
                s.execute("SET LOCAL idle_in_transaction_session_timeout = '"
                        + settings.idleInTransactionTimeout().toMillis() + "ms'");
                if (probeConnectionChecks) {
                    s.execute("SET LOCAL client_connection_check_interval = '"
                            + settings.connectionCheckInterval().toMillis() + "ms'");
                }
            }
            sequencesBefore = sequences(c);
            state.inTransaction = true;
            String defaultSchema = currentSchema(c);
            for (int index = 0; index < plan.size(); index++) {
                PlannedMigration m = plan.get(index);
                if (abort == null && cancellation.isCancelled()) {
                    abort = new Abort("cancelled", "cancelled before " + m.path() + "; everything was rolled back");
                }
                if (abort != null) {
                    runs.add(notRun(m, MigrationOutcome.SKIPPED, "not run: the dry-run stopped ("
                            + abort.kind() + ")"));
                    continue;
                }
                listener.starting(index, plan.size(), m);
                try {
                    runs.add(runMigration(c, target, defaultSchema, m, cancellation, state));
                } catch (Stop stop) {
                    abort = stop.abort;
                    runs.add(state.interrupted);
                }
            }
        } catch (SQLException e) {
            abort = new Abort(isConnectionLoss(e, c) ? "connection-lost" : "error",
                    "the dry-run could not go on: " + TargetConnection.redact(e.getMessage(), null));
        } finally {
            if (state.inTransaction) {
                deadTuples(c, state);
            }
            rollback(c);
        }
        List<SideEffect> sideEffects = sideEffects(c, sequencesBefore, state);
        DryRunReport.Target t = new DryRunReport.Target(target.url().display(), target.serverVersion(), role,
                target.database(), target.user());
        DryRunReport.Settings used = new DryRunReport.Settings(settings.lockTimeout().toMillis(),
                settings.statementTimeout().toMillis(), settings.idleInTransactionTimeout().toMillis(),
                probeConnectionChecks ? settings.connectionCheckInterval().toMillis() : null);
        return new DryRunReport(t, false, history, runs, sideEffects, used, abort,
                (System.nanoTime() - started) / 1e6);
    }

    /** What the runner learns along the way for the side-effect report, and the migration cut short by a stop. */
    private static final class RunState {
        final Map<String, Long> rowsWritten = new LinkedHashMap<>();
        final Set<String> skippedStatements = new LinkedHashSet<>();
        boolean analyzed;
        boolean inTransaction;
        StatementRun lastStatement;
        MigrationRun interrupted;
    }

    private MigrationRun runMigration(Connection c, TargetConnection target, String defaultSchema, PlannedMigration m,
                                      Cancellation cancellation, RunState state) throws SQLException, Stop {
        PreparedMigration prepared = m.prepared();
        long started = System.nanoTime();
        MigrationScreen screen = MigrationScreen.of(prepared);
        if (screen.refusal() != null) {
            return notRun(m, MigrationOutcome.REFUSED, screen.refusal());
        }
        String text = prepared.script().source().text();
        Placeholders placeholders = Placeholders.forScript(prepared.script(), target.user(), target.database(),
                defaultSchema);
        String missing = placeholders.unresolved(text);
        if (missing != null) {
            return notRun(m, MigrationOutcome.REFUSED, "refused: Flyway placeholder " + missing + " has no value "
                    + "(flyway.placeholders." + missing.substring(2, missing.length() - 1) + " in flyway.conf); "
                    + "Flyway would refuse it too");
        }
        UnaryOperator<String> substitute = placeholders.substitution();

        Map<String, Long> before = TouchedTables.of(prepared).count(c);
        SchemaSnapshot schemaBefore = SchemaSnapshot.take(c);
        RelationProbe probe = new RelationProbe();

        List<StatementRun> results = new ArrayList<>();
        List<SqlStatement> statements = prepared.statements();
        boolean failed = false;
        int ran = 0;
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement st = statements.get(i);
            String sql = substitute.apply(st.text(prepared.script().source()));
            String skip = screen.skips().get(i);
            if (skip != null) {
                results.add(skipped(st, sql, skip));
                state.skippedStatements.add(m.path() + ":" + st.line());
                continue;
            }
            if (cancellation.isCancelled()) {
                results.add(skipped(st, sql, "not run: the dry-run was cancelled"));
                continue;
            }
            StatementRun r;
            try {
                r = runStatement(c, prepared, i, sql, screen.notes().get(i), probe, substitute, cancellation, state);
            } catch (Stop stop) {
                if (state.lastStatement != null) {
                    results.add(state.lastStatement);
                }
                for (int j = i + 1; j < statements.size(); j++) {
                    SqlStatement rest = statements.get(j);
                    results.add(skipped(rest, substitute.apply(rest.text(prepared.script().source())),
                            "not run: the dry-run stopped (" + stop.abort.kind() + ")"));
                }
                state.interrupted = new MigrationRun(m.path(), prepared.script().migration().version(),
                        MigrationOutcome.FAILED, stop.abort.message(), m.outOfOrder(), results, List.of(), List.of(),
                        (System.nanoTime() - started) / 1e6);
                throw stop;
            }
            results.add(r);
            ran++;
            failed |= r.outcome() == StatementOutcome.ERROR;
            if (prepared.parsed().get(i) instanceof ParsedStatement.Harmless h
                    && (h.verb().equals("ANALYZE") || h.verb().equals("ANALYSE"))) {
                state.analyzed = true;
            }
            if (cancellation.isCancelled()) {
                for (int j = i + 1; j < statements.size(); j++) {
                    SqlStatement rest = statements.get(j);
                    results.add(skipped(rest, substitute.apply(rest.text(prepared.script().source())),
                            "not run: the dry-run was cancelled"));
                }
                state.interrupted = new MigrationRun(m.path(), prepared.script().migration().version(),
                        MigrationOutcome.FAILED, "cancelled during this migration; everything was rolled back",
                        m.outOfOrder(), results, List.of(), List.of(), (System.nanoTime() - started) / 1e6);
                throw new Stop(new Abort("cancelled", "cancelled during " + m.path()
                        + "; everything was rolled back"));
            }
        }

        SchemaSnapshot schemaAfter = SchemaSnapshot.take(c);
        List<SchemaChange> changes = SchemaDiff.between(schemaBefore, schemaAfter);
        List<RowCount> counts = rowCounts(c, before, changes, results);
        MigrationOutcome outcome = failed ? MigrationOutcome.FAILED
                : ran == 0 && !statements.isEmpty() ? MigrationOutcome.SKIPPED : MigrationOutcome.OK;
        String reason = outcome == MigrationOutcome.SKIPPED ? "no statement of it can run inside a transaction" : null;
        return new MigrationRun(m.path(), prepared.script().migration().version(), outcome, reason, m.outOfOrder(),
                results, counts, changes, (System.nanoTime() - started) / 1e6);
    }

    private StatementRun runStatement(Connection c, PreparedMigration prepared, int i, String sql, String note,
                                      RelationProbe probe, UnaryOperator<String> substitute,
                                      Cancellation cancellation, RunState state) throws Stop {
        SqlStatement st = prepared.statements().get(i);
        ParsedStatement parsed = prepared.parsed().get(i);
        List<ValueChange> valueChanges = List.of();
        StatementError error = null;
        Long rows = null;
        double durationMs = 0;
        List<HeldLock> locks = List.of();
        List<String> rewritten = List.of();
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            s.execute("SAVEPOINT " + SAVEPOINT);
            if (parsed instanceof ParsedStatement.AlterTable at) {
                List<ValueChangeProbe.Conversion> conversions = ValueChangeProbe.conversions(
                        prepared.script().source().text(), parsed);
                if (!conversions.isEmpty()) {
                    List<String> resolved = RowCounter.existing(c, List.of(ValueChangeProbe.sqlName(at.table())));
                    String name = resolved.isEmpty() ? at.table().qualified() : resolved.get(0);
                    valueChanges = ValueChangeProbe.measure(c, at.table(), name, conversions, substitute);
                }
            }
            RelationProbe.State beforeState = probe.take(c);
            long t0 = System.nanoTime();
            cancellation.running(s);
            try {
                boolean resultSet = s.execute(sql);
                if (!resultSet && parsed instanceof ParsedStatement.Dml) {
                    rows = (long) s.getUpdateCount();
                }
            } catch (SQLException e) {
                error = errorOf(e);
                if (isConnectionLoss(e, c)) {
                    durationMs = (System.nanoTime() - t0) / 1e6;
                    state.lastStatement = new StatementRun(st.index(), st.line(), sql, durationMs,
                            StatementOutcome.ERROR, error, note, List.of(), false, List.of(), List.of(), null);
                    throw new Stop(new Abort("connection-lost", "the connection was lost during the statement at "
                            + "line " + st.line() + " (" + error.sqlState() + ": " + error.message() + "); the server "
                            + "rolled the transaction back"));
                }
            } finally {
                cancellation.running(null);
                durationMs = (System.nanoTime() - t0) / 1e6;
            }
            if (error == null) {
                RelationProbe.State afterState = probe.take(c);
                locks = probe.taken(beforeState, afterState);
                rewritten = probe.rewritten(beforeState, afterState);
                try {
                    releaseOrStop(s, st);
                } catch (Stop ended) {
                    state.lastStatement = new StatementRun(st.index(), st.line(), sql, durationMs,
                            StatementOutcome.ERROR, new StatementError(null, "this statement ended the dry-run's "
                            + "transaction", null), note, locks, !rewritten.isEmpty(), rewritten, valueChanges, rows);
                    throw ended;
                }
            } else {
                s.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
                s.execute("RELEASE SAVEPOINT " + SAVEPOINT);
                valueChanges = List.of();
            }
        } catch (SQLException e) {
            StatementError probeError = errorOf(e);
            state.lastStatement = new StatementRun(st.index(), st.line(), sql, durationMs, StatementOutcome.ERROR,
                    error != null ? error : probeError, note, locks, !rewritten.isEmpty(), rewritten, valueChanges,
                    rows);
            throw new Stop(new Abort(isConnectionLoss(e, c) ? "connection-lost" : "error", "the dry-run could not "
                    + "go on after the statement at line " + st.line() + ": " + probeError.sqlState() + " "
                    + probeError.message()));
        }
        return new StatementRun(st.index(), st.line(), sql, durationMs,
                error == null ? StatementOutcome.OK : StatementOutcome.ERROR, error, note, locks, !rewritten.isEmpty(),
                rewritten, valueChanges, rows);
    }

    /** Releases the statement's savepoint; if it is gone, the statement ended our transaction: stop everything. */
    private static void releaseOrStop(Statement s, SqlStatement st) throws SQLException, Stop {
        try {
            s.execute("RELEASE SAVEPOINT " + SAVEPOINT);
        } catch (SQLException e) {
            if ("3B001".equals(e.getSQLState()) || "25P01".equals(e.getSQLState())) {
                throw new Stop(new Abort("transaction-ended", "the statement at line " + st.line() + " ended the "
                        + "dry-run's transaction; the dry-run stopped at once"));
            }
            throw e;
        }
    }

    static List<RowCount> rowCounts(Connection c, Map<String, Long> before, List<SchemaChange> changes,
                                    List<StatementRun> results) throws SQLException {
        return rowCounts(c, before, changes, results, false);
    }

    /**
     * Counts after the migration and pairs them with {@code before}, following renames and adding created tables.
     * Unless {@code everyTable}, a counted table whose count did not change and that no statement locked is left out
     * (it was only counted because the migration's tables could not all be named).
     */
    static List<RowCount> rowCounts(Connection c, Map<String, Long> before, List<SchemaChange> changes,
                                    List<StatementRun> results, boolean everyTable) throws SQLException {
        Map<String, String> renamedTo = new LinkedHashMap<>();
        Set<String> created = new LinkedHashSet<>();
        for (SchemaChange ch : changes) {
            if (ch.change().equals("table-renamed")) {
                renamedTo.put(ch.from(), ch.to());
            } else if (ch.change().equals("table-created")) {
                created.add(ch.table());
            }
        }
        List<String> now = new ArrayList<>();
        for (String table : before.keySet()) {
            now.add(renamedTo.getOrDefault(table, table));
        }
        now.addAll(created);
        Map<String, Long> after = RowCounter.count(c, now);
        List<RowCount> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : before.entrySet()) {
            String table = e.getKey();
            Long a = after.get(renamedTo.getOrDefault(table, table));
            boolean touched = everyTable || a == null || !a.equals(e.getValue()) || mentioned(results, table);
            if (touched) {
                out.add(new RowCount(table, e.getValue(), a));
            }
        }
        for (String table : created) {
            if (!before.containsKey(table)) {
                out.add(new RowCount(table, null, after.get(table)));
            }
        }
        return out;
    }

    /** Whether a statement locked the table: counted tables that nothing touched are left out of the report. */
    private static boolean mentioned(List<StatementRun> results, String table) {
        for (StatementRun r : results) {
            for (HeldLock l : r.locks()) {
                if (l.relation().equals(table)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static MigrationRun notRun(PlannedMigration m, MigrationOutcome outcome, String reason) {
        return new MigrationRun(m.path(), m.prepared().script().migration().version(), outcome, reason,
                m.outOfOrder(), List.of(), List.of(), List.of(), 0);
    }

    private static StatementRun skipped(SqlStatement st, String sql, String why) {
        return new StatementRun(st.index(), st.line(), sql, 0, StatementOutcome.SKIPPED, null, why, List.of(), false,
                List.of(), List.of(), null);
    }

    static StatementError errorOf(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            return new StatementError(m.getSQLState(), m.getMessage(), m.getDetail());
        }
        return new StatementError(e.getSQLState(), TargetConnection.redact(e.getMessage(), null), null);
    }

    static boolean isConnectionLoss(SQLException e, Connection c) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"))) {
            return true;
        }
        try {
            return c.isClosed();
        } catch (SQLException ignored) {
            return true;
        }
    }

    private static void rollback(Connection c) {
        try {
            if (!c.isClosed()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // The connection is gone: the server rolls back a transaction whose session ends, so nothing is kept.
            try {
                c.close();
            } catch (SQLException ignored) {
                // already closed
            }
        }
    }

    /**
     * Row versions this transaction wrote, per table, from {@code pg_stat_xact_user_tables} (which counts those of
     * rolled-back savepoints too): every inserted row and every new version of an updated row is dead after the
     * ROLLBACK. Read just before it; a lost connection leaves it unknown.
     */
    private static void deadTuples(Connection c, RunState state) {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT quote_ident(schemaname) || '.' || quote_ident(relname), "
                     + "n_tup_ins + n_tup_upd FROM pg_stat_xact_user_tables WHERE n_tup_ins + n_tup_upd > 0 "
                     + "ORDER BY 1")) {
            while (rs.next()) {
                state.rowsWritten.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            // the transaction is aborted or the connection lost: the counts are unknown, the rollback still happens
        }
    }

    static String currentSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Map<String, Long> sequences(Connection c) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), "
                     + "last_value FROM pg_sequences ORDER BY 1")) {
            while (rs.next()) {
                out.put(rs.getString(1), (Long) rs.getObject(2));
            }
        }
        return out;
    }

    /** What the ROLLBACK left behind, measured where it can be (sequences) and stated where it cannot. */
    private static List<SideEffect> sideEffects(Connection c, Map<String, Long> sequencesBefore, RunState state) {
        List<SideEffect> out = new ArrayList<>();
        if (sequencesBefore != null) {
            try {
                if (!c.isClosed()) {
                    Map<String, Long> after = sequences(c);
                    for (Map.Entry<String, Long> e : after.entrySet()) {
                        Long was = sequencesBefore.get(e.getKey());
                        if (e.getValue() != null && (was == null && sequencesBefore.containsKey(e.getKey())
                                || was != null && !was.equals(e.getValue()))) {
                            out.add(new SideEffect("sequence-advanced", e.getKey(), "last_value " + was + " → "
                                    + e.getValue() + ": nextval() is never rolled back, so the next id handed out "
                                    + "skips the values the dry-run used"));
                        }
                    }
                } else {
                    out.add(new SideEffect("sequence-advanced", null, "unknown: the connection was lost before "
                            + "sequences could be compared; nextval() calls made by the dry-run are not rolled back"));
                }
            } catch (SQLException e) {
                out.add(new SideEffect("sequence-advanced", null, "could not be compared: " + e.getMessage()));
            }
        }
        for (Map.Entry<String, Long> e : state.rowsWritten.entrySet()) {
            out.add(new SideEffect("dead-tuples", e.getKey(), e.getValue() + " row version(s) inserted or updated and "
                    + "then rolled back stay in the table as dead tuples until VACUUM removes them"));
        }
        if (!state.rowsWritten.isEmpty()) {
            out.add(new SideEffect("statistics", null, "the activity counters (pg_stat_user_tables n_tup_ins/upd/del, "
                    + "n_mod_since_analyze) count the rolled-back writes, which can start an autovacuum or "
                    + "autoanalyze sooner"));
        }
        if (state.analyzed) {
            out.add(new SideEffect("statistics", null, "ANALYZE wrote pg_class.reltuples and relpages in place: "
                    + "those planner estimates are kept after the ROLLBACK (pg_statistic rows are rolled back)"));
        }
        if (!state.rowsWritten.isEmpty() || state.analyzed) {
            out.add(new SideEffect("transaction-ids", null, "the dry-run used a transaction ID (and one per "
                    + "savepoint that wrote), bringing the next anti-wraparound vacuum marginally closer"));
        }
        return out;
    }
}

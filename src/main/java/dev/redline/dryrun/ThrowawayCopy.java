package dev.redline.dryrun;

import dev.redline.core.analysis.PreparedMigration;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.rules.NonTransactionalRule;
import dev.redline.core.sql.SqlStatement;
import dev.redline.dryrun.DryRunReport.MigrationRun;
import dev.redline.dryrun.DryRunReport.RowCount;
import dev.redline.dryrun.DryRunReport.SchemaChange;
import dev.redline.dryrun.DryRunReport.StatementOutcome;
import dev.redline.dryrun.DryRunReport.StatementRun;
import dev.redline.dryrun.DryRunReport.ThrowawayOutcome;
import dev.redline.dryrun.DryRunReport.ThrowawayRun;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Runs, as a whole and for real, each migration the transactional dry-run could only run in part (it holds
 * statements PostgreSQL refuses inside a transaction: {@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, …) on a
 * throwaway copy of the target made with {@code CREATE DATABASE … TEMPLATE}, and drops the copy afterwards.
 *
 * <p>The target itself is only read: PostgreSQL copies it file by file. It allows that only while nobody else is
 * connected to it, and keeps new connections out while it copies; so the copy is made only when the user asks for
 * it, only when no other session is connected (the report says so plainly otherwise), and only by a role allowed to
 * create databases. Each copy is named {@value #PREFIX}{@code <time>_<random>} and dropped in a {@code finally}, with
 * {@code WITH (FORCE)} where the server has it; a copy left by a killed process keeps that recognisable name.
 */
public final class ThrowawayCopy {

    /** The prefix of every database this class creates. */
    public static final String PREFIX = "redline_throwaway_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DryRunSettings settings;

    public ThrowawayCopy(DryRunSettings settings) {
        this.settings = settings;
    }

    /**
     * Whether the transactional dry-run left part of {@code migration} unrun because PostgreSQL refuses it inside a
     * transaction, so that only a run outside one shows what the migration does.
     */
    /** The migrations of {@code plan} that {@link #needed} a copy, judged by the matching {@code runs}. */
    public static List<PlannedMigration> wanted(List<PlannedMigration> plan, List<MigrationRun> runs) {
        List<PlannedMigration> wanted = new ArrayList<>();
        for (int i = 0; i < plan.size() && i < runs.size(); i++) {
            if (needed(plan.get(i), runs.get(i))) {
                wanted.add(plan.get(i));
            }
        }
        return wanted;
    }

    static boolean needed(PlannedMigration migration, MigrationRun run) {
        if (run.outcome() == DryRunReport.MigrationOutcome.REFUSED) {
            return false;
        }
        for (ParsedStatement p : migration.prepared().parsed()) {
            if (NonTransactionalRule.reason(p) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Copies the database {@code url} names once per migration of {@code plan} that {@link #needed} it (by the
     * matching run of {@code runs}), runs the migration on the copy and drops the copy. Call it after the
     * transactional dry-run has closed its connection: that connection would count as another session.
     *
     * @return one result per migration that needed a copy, in plan order (empty when none did)
     */
    public List<ThrowawayRun> run(TargetUrl url, Map<String, String> env, List<PlannedMigration> plan,
                                  List<MigrationRun> runs, Cancellation cancellation) {
        List<PlannedMigration> wanted = wanted(plan, runs);
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<ThrowawayRun> out = new ArrayList<>();
        String source = url.database();
        try (TargetConnection maintenance = openMaintenance(url, env)) {
            String refusal = refusal(maintenance.jdbc(), source);
            for (PlannedMigration m : wanted) {
                if (refusal != null) {
                    out.add(unavailable(m, refusal));
                } else if (cancellation.isCancelled()) {
                    out.add(unavailable(m, "not made: the dry-run was cancelled"));
                } else {
                    out.add(runOnCopy(url, env, maintenance, source, m, cancellation));
                }
            }
        } catch (TargetConnection.Failed e) {
            for (PlannedMigration m : wanted) {
                out.add(unavailable(m, "no throwaway copy: cannot connect to the server's maintenance database "
                        + "to create one: " + e.getMessage()));
            }
        }
        return out;
    }

    /** A connection to another database of the same server, from which the copy is created and dropped. */
    private static TargetConnection openMaintenance(TargetUrl url, Map<String, String> env)
            throws TargetConnection.Failed {
        TargetConnection.Failed first = null;
        for (String db : new String[] {"postgres", "template1"}) {
            if (db.equals(url.database())) {
                continue;
            }
            try {
                return TargetConnection.open(url.withDatabase(db), env, "redline dry-run (throwaway copy)", Map.of());
            } catch (TargetConnection.Failed e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw first != null ? first
                : new TargetConnection.Failed("the target is the maintenance database itself; copy another one");
    }

    /** Why no copy can be made of {@code source}, or {@code null} when one can. */
    static String refusal(Connection c, String source) {
        try {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT rolsuper OR rolcreatedb, current_user FROM pg_roles WHERE rolname = current_user")) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    String who = rs.getRow() > 0 ? rs.getString(2) : "this role";
                    return "no throwaway copy: the role " + who + " may not create databases (it needs CREATEDB)";
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE datname = ? AND pid <> pg_backend_pid()")) {
                ps.setString(1, source);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long others = rs.getLong(1);
                    if (others > 0) {
                        return "no throwaway copy: " + others + (others == 1 ? " other session is" : " other sessions are")
                                + " connected to " + source + ", and CREATE DATABASE … TEMPLATE copies a database "
                                + "only while nobody else is connected to it";
                    }
                }
            }
            return null;
        } catch (SQLException e) {
            return "no throwaway copy: cannot check whether one can be made: "
                    + TargetConnection.redact(e.getMessage(), null);
        }
    }

    private ThrowawayRun runOnCopy(TargetUrl url, Map<String, String> env, TargetConnection maintenance, String source,
                                   PlannedMigration m, Cancellation cancellation) {
        long started = System.nanoTime();
        String copy = PREFIX + java.time.LocalDateTime.now().format(
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)) + "_"
                + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        try (Statement s = maintenance.jdbc().createStatement()) {
            maintenance.jdbc().setAutoCommit(true);
            s.execute("CREATE DATABASE " + ValueChangeProbe.quote(copy) + " TEMPLATE "
                    + ValueChangeProbe.quote(source));
        } catch (SQLException e) {
            String why = "55006".equals(e.getSQLState())
                    ? "another session connected to " + source + " just before the copy started, and CREATE "
                    + "DATABASE … TEMPLATE copies a database only while nobody else is connected to it"
                    : TargetConnection.redact(e.getMessage(), null);
            return unavailable(m, "no throwaway copy: " + why);
        }
        ThrowawayRun result;
        boolean dropped;
        try {
            result = runMigration(url.withDatabase(copy), env, copy, m, cancellation, started);
        } finally {
            dropped = drop(maintenance, copy); // whatever happened; the report says whether it worked
        }
        return new ThrowawayRun(result.path(), copy, result.outcome(), result.reason(), result.statements(),
                result.rowCounts(), result.schemaChanges(), dropped, (System.nanoTime() - started) / 1e6);
    }

    private ThrowawayRun runMigration(TargetUrl copyUrl, Map<String, String> env, String copy, PlannedMigration m,
                                      Cancellation cancellation, long started) {
        PreparedMigration prepared = m.prepared();
        List<StatementRun> results = new ArrayList<>();
        try (TargetConnection target = TargetConnection.open(copyUrl, env, "redline dry-run (throwaway copy)",
                Map.of())) {
            Connection c = target.jdbc();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("SET lock_timeout = '" + settings.lockTimeout().toMillis() + "ms'");
                s.execute("SET statement_timeout = '" + settings.statementTimeout().toMillis() + "ms'");
            }
            Placeholders placeholders = Placeholders.forScript(prepared.script(), target.user(), target.database(),
                    DryRunner.currentSchema(c));
            UnaryOperator<String> substitute = placeholders.substitution();
            Map<String, Long> before = TouchedTables.of(prepared).count(c);
            SchemaSnapshot schemaBefore = SchemaSnapshot.take(c);
            boolean failed = false;
            List<SqlStatement> statements = prepared.statements();
            for (int i = 0; i < statements.size(); i++) {
                SqlStatement st = statements.get(i);
                String sql = substitute.apply(st.text(prepared.script().source()));
                if (st.isPsqlMeta()) {
                    results.add(new StatementRun(st.index(), st.line(), sql, 0, StatementOutcome.SKIPPED, null,
                            "psql meta-command: only psql understands it; not sent.", List.of(), false, List.of(),
                            List.of(), null));
                    continue;
                }
                if (cancellation.isCancelled() || failed) {
                    results.add(new StatementRun(st.index(), st.line(), sql, 0, StatementOutcome.SKIPPED, null,
                            failed ? "not run: an earlier statement failed, and outside a transaction the "
                                    + "migration tool stops there too" : "not run: the dry-run was cancelled",
                            List.of(), false, List.of(), List.of(), null));
                    continue;
                }
                long t0 = System.nanoTime();
                try (Statement s = c.createStatement()) {
                    s.setEscapeProcessing(false);
                    cancellation.running(s);
                    boolean resultSet = s.execute(sql);
                    Long rows = !resultSet && prepared.parsed().get(i) instanceof ParsedStatement.Dml
                            ? (long) s.getUpdateCount() : null;
                    results.add(new StatementRun(st.index(), st.line(), sql, (System.nanoTime() - t0) / 1e6,
                            StatementOutcome.OK, null, "ran for real, outside a transaction, on the throwaway copy",
                            List.of(), false, List.of(), List.of(), rows));
                } catch (SQLException e) {
                    failed = true;
                    results.add(new StatementRun(st.index(), st.line(), sql, (System.nanoTime() - t0) / 1e6,
                            StatementOutcome.ERROR, DryRunner.errorOf(e), null, List.of(), false, List.of(),
                            List.of(), null));
                } finally {
                    cancellation.running(null);
                }
            }
            SchemaSnapshot schemaAfter = SchemaSnapshot.take(c);
            List<SchemaChange> changes = SchemaDiff.between(schemaBefore, schemaAfter);
            List<RowCount> counts = DryRunner.rowCounts(c, before, changes, results, true);
            String reason = !failed ? null : cancellation.isCancelled() ? "cancelled while it ran on the throwaway copy"
                    : "a statement failed on the throwaway copy";
            return new ThrowawayRun(m.path(), copy, failed ? ThrowawayOutcome.FAILED : ThrowawayOutcome.OK,
                    reason, results, counts, changes, false, (System.nanoTime() - started) / 1e6);
        } catch (TargetConnection.Failed e) {
            return new ThrowawayRun(m.path(), copy, ThrowawayOutcome.FAILED, "cannot connect to the throwaway copy: "
                    + e.getMessage(), results, List.of(), List.of(), false, (System.nanoTime() - started) / 1e6);
        } catch (SQLException e) {
            return new ThrowawayRun(m.path(), copy, ThrowawayOutcome.FAILED, "the run on the throwaway copy stopped: "
                    + TargetConnection.redact(e.getMessage(), null), results, List.of(), List.of(), false,
                    (System.nanoTime() - started) / 1e6);
        }
    }

    /** Drops the copy (forcing out any session left on it where the server can); whether it is gone. */
    private static boolean drop(TargetConnection maintenance, String copy) {
        String force = maintenance.serverVersionNum() >= 130000 ? " WITH (FORCE)" : "";
        try (Statement s = maintenance.jdbc().createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + ValueChangeProbe.quote(copy) + force);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static ThrowawayRun unavailable(PlannedMigration m, String reason) {
        return new ThrowawayRun(m.path(), null, ThrowawayOutcome.UNAVAILABLE, reason, List.of(), List.of(),
                List.of(), false, 0);
    }
}

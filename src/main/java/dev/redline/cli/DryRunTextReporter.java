package dev.redline.cli;

import dev.redline.dryrun.DryRunReport;
import dev.redline.dryrun.DryRunReport.ChecksumMismatch;
import dev.redline.dryrun.DryRunReport.HistorySummary;
import dev.redline.dryrun.DryRunReport.MigrationOutcome;
import dev.redline.dryrun.DryRunReport.MigrationRun;
import dev.redline.dryrun.DryRunReport.RowCount;
import dev.redline.dryrun.DryRunReport.SchemaChange;
import dev.redline.dryrun.DryRunReport.SideEffect;
import dev.redline.dryrun.DryRunReport.StatementOutcome;
import dev.redline.dryrun.DryRunReport.StatementRun;
import dev.redline.dryrun.DryRunReport.ThrowawayOutcome;
import dev.redline.dryrun.DryRunReport.ThrowawayRun;
import dev.redline.dryrun.DryRunReport.ValueChange;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The dry-run for a terminal: the target, what the history said, then per migration each statement with its
 * outcome, time, locks and rewrites, the row counts and schema changes; what the rollback left behind; a summary.
 */
final class DryRunTextReporter implements DryRunReporter {

    private static final int SQL_WIDTH = 72;

    @Override
    public void write(DryRunReport report, PrintStream out) {
        DryRunReport.Target t = report.database();
        out.println("dry-run on " + t.url() + " (database " + t.database() + ", role "
                + (t.role() == null ? "not declared" : t.role()) + ", PostgreSQL " + t.serverVersion() + ")");
        if (report.embedded() != null) {
            writeEmbedded(report.embedded(), out);
        }
        if (report.embedded() == null || report.history() != null) {
            writeHistory(report.history(), out);
        }
        if (report.migrations().isEmpty()) {
            out.println("nothing to run: no pending migration");
        }
        for (MigrationRun m : report.migrations()) {
            out.println();
            writeMigration(m, out);
        }
        for (ThrowawayRun copy : report.throwawayCopies()) {
            out.println();
            writeThrowaway(copy, out);
        }
        if (!report.sideEffects().isEmpty()) {
            out.println();
            out.println("not undone by the rollback:");
            for (SideEffect s : report.sideEffects()) {
                out.println("  " + s.kind() + (s.object() == null ? "" : " " + s.object()) + ": " + s.detail());
            }
        }
        out.println();
        if (report.abort() != null) {
            out.println("stopped: " + report.abort().message());
        }
        out.println(summary(report));
    }

    private static void writeEmbedded(DryRunReport.Embedded e, PrintStream out) {
        out.println(String.format(Locale.ROOT, "embedded PostgreSQL %s, started in %.1f s; its data directory %s",
                e.serverVersion(), e.startupMs() / 1000.0, e.dataDirectoryRemoved() ? "was deleted when it stopped"
                        : "could NOT be deleted (the next run removes it)"));
        if (e.clonedFrom() == null) {
            out.println(e.replayed().isEmpty() ? "replayed: nothing (the dry-run ran on an empty database"
                    + (e.seed() == null ? ")" : " plus the seed)")
                    : "replayed for real before the dry-run: " + String.join(", ", e.replayed()));
        } else {
            DryRunReport.Clone c = e.clonedFrom();
            out.println(String.format(Locale.ROOT, "cloned read-only from %s (PostgreSQL %s): %d tables, %,d rows%s",
                    c.source(), c.serverVersion(), c.tables(), c.rows(), c.sampleRows() == null ? ""
                            : String.format(Locale.ROOT, " (at most %,d per table, plus %,d they reference)",
                            c.sampleRows(), c.referenceRows())));
            for (String n : c.notCopied()) {
                out.println("  not copied: " + n);
            }
        }
        if (!e.createdRoles().isEmpty()) {
            out.println("roles created for the replay: " + String.join(", ", e.createdRoles()));
        }
        if (e.seed() != null) {
            out.println(String.format(Locale.ROOT, "seed: %s (%s%s)", e.seed().path(), e.seed().kind(),
                    e.seed().kind().equals("sql") ? String.format(Locale.ROOT, ", %,d statements, %,d rows copied",
                            e.seed().statements(), e.seed().rows()) : ", restored with pg_restore --data-only"));
        }
        for (String l : e.cleanedLeftovers()) {
            out.println("removed the leftovers of a crashed earlier run: " + l);
        }
        for (String n : e.notes()) {
            out.println("  note: " + n);
        }
    }

    private static void writeHistory(HistorySummary h, PrintStream out) {
        if (h == null) {
            out.println("migrations picked with --migration (no history table consulted)");
            return;
        }
        out.println("history: " + h.tool() + " " + h.table() + ": " + h.applied() + " applied, " + h.pending()
                + " pending");
        for (String p : h.outOfOrder()) {
            out.println("  out of order: " + p + " is older than the newest applied migration");
        }
        for (ChecksumMismatch c : h.checksumMismatches()) {
            out.println("  edited after it ran: " + c.path() + " (checksum recorded " + c.recorded() + ", now "
                    + c.current() + ")");
        }
        for (String n : h.notes()) {
            out.println("  note: " + n);
        }
    }

    private static void writeThrowaway(ThrowawayRun t, PrintStream out) {
        if (t.outcome() == ThrowawayOutcome.UNAVAILABLE) {
            out.println(t.path() + " on a throwaway copy: not run");
            out.println("  " + t.reason());
            return;
        }
        out.println(t.path() + " on a throwaway copy (" + t.database() + ", whole, outside a transaction): "
                + t.outcome().id() + " in " + duration(t.durationMs()) + "; the copy "
                + (t.dropped() ? "was dropped" : "could NOT be dropped: drop it with DROP DATABASE " + t.database()));
        if (t.reason() != null) {
            out.println("  " + t.reason());
        }
        writeBody(t.statements(), t.rowCounts(), t.schemaChanges(), out);
    }

    private static void writeMigration(MigrationRun m, PrintStream out) {
        out.println(m.path() + ": " + m.outcome().id() + (m.outOfOrder() ? " (out of order)" : "")
                + (m.outcome() == MigrationOutcome.OK || m.outcome() == MigrationOutcome.FAILED
                ? " in " + duration(m.durationMs()) : ""));
        if (m.reason() != null) {
            out.println("  " + m.reason());
        }
        writeBody(m.statements(), m.rowCounts(), m.schemaChanges(), out);
    }

    private static void writeBody(List<StatementRun> statements, List<RowCount> rowCounts,
                                  List<SchemaChange> schemaChanges, PrintStream out) {
        for (StatementRun s : statements) {
            String time = s.outcome() == StatementOutcome.SKIPPED ? "" : " " + duration(s.durationMs());
            out.println(String.format(Locale.ROOT, "  %5d  %-7s%s  %s", s.line(), s.outcome().id(), time,
                    oneLine(s.sql())));
            if (s.error() != null) {
                out.println("         " + s.error().sqlState() + " " + s.error().message()
                        + (s.error().detail() == null ? "" : " — " + s.error().detail()));
            }
            if (s.note() != null) {
                out.println("         " + s.note());
            }
            if (!s.locks().isEmpty()) {
                out.println("         locks: " + s.locks().stream().map(l -> l.relation() + " " + l.mode())
                        .collect(Collectors.joining(", ")));
            }
            if (s.rewrote()) {
                out.println("         rewrote " + String.join(", ", s.rewrittenTables()) + " (every row copied "
                        + "under the lock)");
            }
            for (ValueChange v : s.valueChanges()) {
                out.println("         " + v.changedRows() + " value(s) of " + v.table() + "." + v.column()
                        + " changed, compared as text");
            }
            if (s.rows() != null) {
                out.println("         " + s.rows() + " row(s)");
            }
        }
        for (RowCount r : rowCounts) {
            out.println("  rows " + r.table() + ": " + (r.before() == null ? "(new)" : r.before()) + " → "
                    + (r.after() == null ? "(gone)" : r.after()));
        }
        for (SchemaChange c : schemaChanges) {
            StringBuilder sb = new StringBuilder("  schema ").append(c.change()).append(' ').append(c.table());
            if (c.column() != null) {
                sb.append('.').append(c.column());
            }
            if (c.object() != null) {
                sb.append(' ').append(c.object());
            }
            if (c.from() != null && c.to() != null) {
                sb.append(": ").append(c.from()).append(" → ").append(c.to());
            } else if (c.to() != null) {
                sb.append(": ").append(c.to());
            }
            out.println(sb);
        }
    }

    private static String summary(DryRunReport report) {
        int ok = 0;
        int failed = 0;
        int refused = 0;
        int skipped = 0;
        for (MigrationRun m : report.migrations()) {
            switch (m.outcome()) {
                case OK -> ok++;
                case FAILED -> failed++;
                case REFUSED -> refused++;
                case SKIPPED -> skipped++;
            }
        }
        int n = report.migrations().size();
        long copies = report.throwawayCopies().stream().filter(t -> t.outcome() != ThrowawayOutcome.UNAVAILABLE)
                .count();
        long copyFailures = report.throwawayCopies().stream().filter(t -> t.outcome() == ThrowawayOutcome.FAILED)
                .count();
        return n + " migration" + (n == 1 ? "" : "s") + ": " + ok + " ok, " + failed + " failed, " + refused
                + " refused, " + skipped + " skipped in " + duration(report.durationMs())
                + "; rolled back, nothing committed"
                + (copies == 0 ? "" : "; " + copies + " run whole on throwaway copies (" + copyFailures
                + " failed there), each dropped afterwards");
    }

    private static String oneLine(String sql) {
        String s = sql.replaceAll("\\s+", " ").trim();
        return s.length() <= SQL_WIDTH ? s : s.substring(0, SQL_WIDTH - 1) + "…";
    }

    private static String duration(double ms) {
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000);
        }
        return String.format(Locale.ROOT, "%.1f ms", ms);
    }
}

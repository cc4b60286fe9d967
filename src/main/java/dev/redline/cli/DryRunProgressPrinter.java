package dev.redline.cli;

import dev.redline.dryrun.embedded.EmbeddedProgress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The embedded dry-run's progress on standard error, one line per step, per replayed migration and per copied
 * table (and every few seconds while a large table copies), so standard output keeps only the report.
 */
final class DryRunProgressPrinter implements EmbeddedProgress {

    private static final long TABLE_INTERVAL_NANOS = 3_000_000_000L;

    private final PrintStream err;
    private long lastTableLine;

    DryRunProgressPrinter(PrintStream err) {
        this.err = err;
    }

    @Override
    public void phase(Phase phase, String message) {
        switch (phase) {
            case CLEANING_LEFTOVERS, DRY_RUN, STOPPING_SERVER -> {
                // quiet: nothing to wait for, or the report follows
            }
            default -> err.println("redline: " + message);
        }
    }

    @Override
    public void serverStarted(String serverVersion, long startupMillis) {
        err.println(String.format(Locale.ROOT, "redline: embedded PostgreSQL %s ready in %.1f s", serverVersion,
                startupMillis / 1000.0));
    }

    @Override
    public void replaying(int index, int total, String path) {
        err.println("redline:   applying " + (index + 1) + "/" + total + " " + path);
    }

    @Override
    public void copying(String table, int index, int total, long rows, long estimatedRows, boolean done) {
        long now = System.nanoTime();
        if (done) {
            err.println(String.format(Locale.ROOT, "redline:   copied %d/%d %s: %,d rows", index + 1, total, table,
                    rows));
            lastTableLine = now;
        } else if (rows > 0 && now - lastTableLine > TABLE_INTERVAL_NANOS) {
            err.println(String.format(Locale.ROOT, "redline:   copying %s: %,d rows%s", table, rows,
                    estimatedRows > 0 ? String.format(Locale.ROOT, " of about %,d", estimatedRows) : ""));
            lastTableLine = now;
        }
    }

    @Override
    public void note(String message) {
        err.println("redline: " + message);
    }
}

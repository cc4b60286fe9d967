package dev.redline.dryrun;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Lets another thread stop a dry-run: {@link #cancel()} sends PostgreSQL a cancel request for the statement running
 * now, and the runner stops before the next one. Either way the transaction is rolled back.
 */
public final class Cancellation {

    private volatile boolean cancelled;
    private volatile Statement running;

    public void cancel() {
        cancelled = true;
        Statement s = running;
        if (s != null) {
            try {
                s.cancel();
            } catch (SQLException ignored) {
                // the statement ended meanwhile; the runner sees the flag before the next one
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    void running(Statement statement) {
        running = statement;
        if (statement != null && cancelled) {
            cancel();
        }
    }
}

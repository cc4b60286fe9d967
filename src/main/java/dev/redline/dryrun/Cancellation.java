package dev.redline.dryrun;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lets another thread stop a dry-run: {@link #cancel()} sends PostgreSQL a cancel request for the statement running
 * now, and the runner stops before the next one. Either way the transaction is rolled back. Work that is not a
 * statement of the dry-run (starting the embedded server, copying a table, running {@code pg_restore}) registers
 * what stops it with {@link #onCancel}.
 */
public final class Cancellation {

    /** Removes a registered action: the work it stops is over. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private volatile boolean cancelled;
    private volatile Statement running;
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();

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
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException ignored) {
                // the work it stops ended meanwhile; whoever runs it sees the flag
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Runs {@code action} when {@link #cancel()} is called (at once if it already was) until the registration is
     * closed. The action must be quick and may run on any thread.
     */
    public Registration onCancel(Runnable action) {
        actions.add(action);
        if (cancelled) {
            action.run();
        }
        return () -> actions.remove(action);
    }

    void running(Statement statement) {
        running = statement;
        if (statement != null && cancelled) {
            cancel();
        }
    }
}

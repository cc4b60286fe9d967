package dev.redline.dryrun.embedded;

/**
 * What an embedded dry-run is doing, for a progress display. Every method is called on the thread running the
 * dry-run (a UI must hand the call to its own thread) and must return quickly; all do nothing by default.
 */
public interface EmbeddedProgress {

    /** The steps of an embedded dry-run, in the order they happen (some are skipped). */
    enum Phase {
        /** Removing what a crashed earlier run left in the scratch folder. */
        CLEANING_LEFTOVERS,
        /** Unpacking (first time only) and starting the embedded PostgreSQL. */
        STARTING_SERVER,
        /** Reading the source database's catalog and creating its schema on the embedded server. */
        CLONING_SCHEMA,
        /** Copying rows from the source database. */
        COPYING_DATA,
        /** Adding constraints, indexes, views and triggers after the rows are in. */
        FINISHING_CLONE,
        /** Applying for real the migrations that come before the dry-run ones. */
        REPLAYING,
        /** Loading the seed file. */
        SEEDING,
        /** The dry-run itself. */
        DRY_RUN,
        /** Stopping the server and deleting its data directory. */
        STOPPING_SERVER
    }

    /** A step begins; {@code message} says what it does, for a status line. */
    default void phase(Phase phase, String message) {
    }

    /** The server is up: its version and how long it took to start. */
    default void serverStarted(String serverVersion, long startupMillis) {
    }

    /** Migration {@code index} (0-based) of {@code total} is being applied for real. */
    default void replaying(int index, int total, String path) {
    }

    /**
     * Rows copied so far from table {@code index} (0-based) of {@code total}; called every few thousand rows and
     * once more with {@code done} when the table is complete. {@code estimatedRows} is the source's estimate (its
     * {@code reltuples}, capped by the sample size), or -1 when it has none.
     */
    default void copying(String table, int index, int total, long rows, long estimatedRows, boolean done) {
    }

    /** Migration {@code index} (0-based) of {@code total} is being dry-run. */
    default void dryRunning(int index, int total, String path) {
    }

    /** Something worth showing that is not an error (a leftover removed, an object the clone could not copy). */
    default void note(String message) {
    }

    /** Does nothing. */
    static EmbeddedProgress none() {
        return new EmbeddedProgress() {
        };
    }
}

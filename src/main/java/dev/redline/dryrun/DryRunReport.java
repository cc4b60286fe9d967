package dev.redline.dryrun;

import java.util.List;

/**
 * Everything one dry-run found, for the CLI reporters and the workbench alike. Nothing here is ever committed:
 * {@link #committed()} is always {@code false}, and says so in the report for whoever reads it later.
 *
 * @param database    the target, as shown to the user before anything ran (URL without password)
 * @param history     what the migration tool's history table said, or {@code null} when the migrations were
 *                    picked by hand ({@code --migration})
 * @param migrations  every migration asked for, in the order it ran (or would have run)
 * @param sideEffects what the ROLLBACK did not undo
 * @param abort       why the run stopped before the end (cancelled, connection lost), or {@code null}
 * @param durationMs  the whole dry-run, probes and rollback included
 * @param embedded    how the embedded scratch database was built, or {@code null} when the dry-run ran against a
 *                    database the user gave
 * @param throwawayCopies migrations run whole on throwaway copies after the transactional dry-run (asked for with
 *                    {@code --throwaway-copy}), in plan order; empty when none was asked for or needed
 */
public record DryRunReport(Target database, boolean committed, HistorySummary history,
                           List<MigrationRun> migrations, List<SideEffect> sideEffects, Settings settings,
                           Abort abort, double durationMs, Embedded embedded, List<ThrowawayRun> throwawayCopies) {

    public DryRunReport {
        migrations = List.copyOf(migrations);
        sideEffects = List.copyOf(sideEffects);
        throwawayCopies = throwawayCopies == null ? List.of() : List.copyOf(throwawayCopies);
    }

    /** A dry-run against a database the user gave. */
    public DryRunReport(Target database, boolean committed, HistorySummary history, List<MigrationRun> migrations,
                        List<SideEffect> sideEffects, Settings settings, Abort abort, double durationMs) {
        this(database, committed, history, migrations, sideEffects, settings, abort, durationMs, null, List.of());
    }

    /** The same report with {@code embedded} in place. */
    public DryRunReport withEmbedded(Embedded embedded) {
        return new DryRunReport(database, committed, history, migrations, sideEffects, settings, abort, durationMs,
                embedded, throwawayCopies);
    }

    /** The same report with another {@code abort}. */
    public DryRunReport withAbort(Abort abort) {
        return new DryRunReport(database, committed, history, migrations, sideEffects, settings, abort, durationMs,
                embedded, throwawayCopies);
    }

    /** The same report with the runs on throwaway copies ({@link ThrowawayCopy}). */
    public DryRunReport withThrowawayCopies(List<ThrowawayRun> runs) {
        return new DryRunReport(database, committed, history, migrations, sideEffects, settings, abort, durationMs,
                embedded, runs);
    }

    /** What became of a throwaway copy: the migration ran on it, failed on it, or no copy could be made. */
    public enum ThrowawayOutcome {
        OK, FAILED, UNAVAILABLE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A migration run as a whole, outside a transaction, on a {@code CREATE DATABASE … TEMPLATE} copy of the target
     * that was dropped afterwards: for migrations the transactional dry-run could only run in part.
     *
     * @param database  the copy's name, or {@code null} when none was made
     * @param reason    why no copy was made, or why the run failed, or {@code null}
     * @param dropped   whether the copy was dropped again (a copy that could not be dropped keeps its name)
     */
    public record ThrowawayRun(String path, String database, ThrowawayOutcome outcome, String reason,
                               List<StatementRun> statements, List<RowCount> rowCounts,
                               List<SchemaChange> schemaChanges, boolean dropped, double durationMs) {
        public ThrowawayRun {
            statements = List.copyOf(statements);
            rowCounts = List.copyOf(rowCounts);
            schemaChanges = List.copyOf(schemaChanges);
        }
    }

    /**
     * How the embedded scratch database of a dry-run without a target was built.
     *
     * @param serverVersion         the embedded PostgreSQL's version
     * @param startupMs             from the start of the server until it answered
     * @param replayed              the migrations applied for real before the dry-run, in order (paths)
     * @param createdRoles          roles created because a replayed migration named them
     * @param seed                  the seed loaded after the replay, or {@code null}
     * @param clonedFrom            the database cloned into it, or {@code null}
     * @param cleanedLeftovers      folders of crashed earlier runs removed before this one started
     * @param notes                 anything else the reviewer must know
     * @param dataDirectoryRemoved  whether the server's data directory was deleted when it stopped
     */
    public record Embedded(String serverVersion, long startupMs, List<String> replayed, List<String> createdRoles,
                           Seed seed, Clone clonedFrom, List<String> cleanedLeftovers, List<String> notes,
                           boolean dataDirectoryRemoved) {
        public Embedded {
            replayed = List.copyOf(replayed);
            createdRoles = List.copyOf(createdRoles);
            cleanedLeftovers = List.copyOf(cleanedLeftovers);
            notes = List.copyOf(notes);
        }

        public Embedded withDataDirectoryRemoved(boolean removed) {
            return new Embedded(serverVersion, startupMs, replayed, createdRoles, seed, clonedFrom, cleanedLeftovers,
                    notes, removed);
        }
    }

    /** A seed file loaded into the embedded database: {@code kind} is {@code sql} or {@code pg_dump archive}. */
    public record Seed(String path, String kind, int statements, long rows) {
    }

    /**
     * A database cloned into the embedded server, read-only on the source.
     *
     * @param sampleRows    the per-table row limit, or {@code null} when every row was copied
     * @param referenceRows rows copied beyond the sample because sampled rows reference them
     * @param notCopied     objects that could not be recreated, each with the reason
     */
    public record Clone(String source, String serverVersion, Integer sampleRows, int tables, long rows,
                        long referenceRows, List<String> notCopied) {
        public Clone {
            notCopied = List.copyOf(notCopied);
        }
    }

    /** Whether every migration ran and none failed or was refused, here or on a throwaway copy. */
    public boolean allOk() {
        return abort == null && migrations.stream().allMatch(m -> m.outcome() == MigrationOutcome.OK
                || m.outcome() == MigrationOutcome.SKIPPED)
                && throwawayCopies.stream().noneMatch(t -> t.outcome() == ThrowawayOutcome.FAILED);
    }

    /**
     * The database the dry-run ran against.
     *
     * @param url           the JDBC URL with any password removed
     * @param serverVersion as the server reports it ({@code server_version}), e.g. {@code 17.6}
     * @param role          the target's declared role (clone, branch), or {@code null} when no profile declared one
     */
    public record Target(String url, String serverVersion, String role, String database, String user) {
    }

    /** The timeouts the run used. */
    public record Settings(long lockTimeoutMs, long statementTimeoutMs, long idleInTransactionTimeoutMs,
                           Long connectionCheckIntervalMs) {
    }

    /** Why a run stopped early: {@code kind} is {@code cancelled} or {@code connection-lost}. */
    public record Abort(String kind, String message) {
    }

    /**
     * What the history table on the target said about the project's migrations.
     *
     * @param table              the history table read, schema-qualified
     * @param applied            how many migrations it lists as applied
     * @param outOfOrder         pending migrations older than the newest applied one (paths)
     * @param checksumMismatches applied migrations whose file changed since they ran
     * @param notes              anything else the reviewer must know (a dirty golang-migrate database, …)
     */
    public record HistorySummary(String tool, String table, int applied, int pending, List<String> outOfOrder,
                                 List<ChecksumMismatch> checksumMismatches, List<String> notes) {
        public HistorySummary {
            outOfOrder = List.copyOf(outOfOrder);
            checksumMismatches = List.copyOf(checksumMismatches);
            notes = List.copyOf(notes);
        }
    }

    /** An applied migration edited after it ran: the checksum the tool recorded and the file's checksum now. */
    public record ChecksumMismatch(String path, String version, String recorded, String current) {
    }

    public enum MigrationOutcome {
        OK("ok"), FAILED("failed"), REFUSED("refused"), SKIPPED("skipped");

        private final String id;

        MigrationOutcome(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public enum StatementOutcome {
        OK("ok"), ERROR("error"), SKIPPED("skipped");

        private final String id;

        StatementOutcome(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * One migration's dry-run.
     *
     * @param reason     why it was refused or skipped, or {@code null}
     * @param outOfOrder it is older than the newest migration the history table lists as applied
     * @param rowCounts  exact counts before and after of every table it touched
     */
    public record MigrationRun(String path, String version, MigrationOutcome outcome, String reason,
                               boolean outOfOrder, List<StatementRun> statements, List<RowCount> rowCounts,
                               List<SchemaChange> schemaChanges, double durationMs) {
        public MigrationRun {
            statements = List.copyOf(statements);
            rowCounts = List.copyOf(rowCounts);
            schemaChanges = List.copyOf(schemaChanges);
        }
    }

    /**
     * One statement's dry-run.
     *
     * @param line          1-based line of its first character in the file
     * @param durationMs    time the statement itself took on the server (probes not included)
     * @param error         the server's error, when {@code outcome} is {@code error}
     * @param note          why it was skipped, or what the reviewer must know about how it ran
     * @param locks         relation locks it took that were not held before it (and are held until the end of
     *                      the migration's transaction)
     * @param rewrote       whether it gave an existing table a new file (relfilenode), i.e. copied every row
     * @param rewrittenTables the tables it rewrote
     * @param valueChanges  for column type changes: how many values differ when compared as text
     * @param rows          rows inserted, updated or deleted, as the server reported, or {@code null}
     */
    public record StatementRun(int index, int line, String sql, double durationMs, StatementOutcome outcome,
                               StatementError error, String note, List<HeldLock> locks, boolean rewrote,
                               List<String> rewrittenTables, List<ValueChange> valueChanges, Long rows) {
        public StatementRun {
            locks = List.copyOf(locks);
            rewrittenTables = List.copyOf(rewrittenTables);
            valueChanges = List.copyOf(valueChanges);
        }
    }

    /** The server's error for a statement: SQLSTATE, message and detail (e.g. which key was duplicated). */
    public record StatementError(String sqlState, String message, String detail) {
    }

    /** A relation lock held by the dry-run's backend, as pg_locks names it (e.g. {@code AccessExclusiveLock}). */
    public record HeldLock(String relation, String mode) {
    }

    /** How many values of a column changed, compared as text, when its type changed. */
    public record ValueChange(String table, String column, long changedRows) {
    }

    /** Exact row counts; {@code before} is {@code null} for a table the migration created, {@code after} for one it dropped. */
    public record RowCount(String table, Long before, Long after) {
    }

    /**
     * One difference in the schema. {@code change} is one of {@code table-created}, {@code table-dropped},
     * {@code table-renamed}, {@code column-added}, {@code column-dropped}, {@code column-renamed},
     * {@code column-type-changed}, {@code column-nullability-changed}, {@code column-default-changed},
     * {@code constraint-added}, {@code constraint-dropped}, {@code constraint-altered}, {@code index-created},
     * {@code index-dropped}, {@code index-altered}.
     *
     * @param object the constraint or index name, when the change is about one
     * @param from   the old value (type, definition, name), when there is one
     * @param to     the new value
     */
    public record SchemaChange(String change, String table, String column, String object, String from, String to) {
    }

    /**
     * Something the ROLLBACK did not undo. {@code kind}: {@code sequence-advanced}, {@code dead-tuples},
     * {@code statistics}, {@code transaction-ids}, {@code skipped-statements}.
     */
    public record SideEffect(String kind, String object, String detail) {
    }
}

package dev.redline.dryrun.embedded;

import dev.redline.dryrun.Cancellation;
import dev.redline.dryrun.Cancelled;
import dev.redline.dryrun.DryRunReport;
import dev.redline.dryrun.DryRunSettings;
import dev.redline.dryrun.DryRunner;
import dev.redline.dryrun.MigrationReplay;
import dev.redline.dryrun.MigrationSelection;
import dev.redline.dryrun.ScratchPlan;
import dev.redline.dryrun.TargetConnection;
import dev.redline.dryrun.TargetUrl;
import dev.redline.dryrun.ThrowawayCopy;
import dev.redline.dryrun.embedded.EmbeddedProgress.Phase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A dry-run with no database of the user's: starts an embedded PostgreSQL, builds the schema the dry-run migrations
 * expect on it — by applying the project's earlier migrations for real, or by cloning a database read-only — loads
 * an optional seed, dry-runs (one transaction, rolled back, exactly as against a clone), stops the server and
 * deletes its data directory. The service behind {@code redline dry-run} without {@code --db} and the workbench's
 * "Embedded scratch database" target; it knows nothing of either front end.
 *
 * <p>Call {@link #run} on a worker thread: it blocks for the whole run (about a second to start the server, then
 * the replay or the copy, then the dry-run). {@link EmbeddedProgress} is told what happens, on that thread.
 * {@link Cancellation#cancel()}, from any thread, stops whatever step is running (the copy, the replay, the seed, the
 * dry-run's statement) and {@code run} then ends with {@link Failed.Kind#CANCELLED} (before the dry-run) or a
 * report whose {@code abort} is {@code cancelled}; the server is stopped and its data deleted either way.
 */
public final class EmbeddedDryRun {

    /** The database the dry-run runs in on the embedded server. */
    public static final String DATABASE = "redline";

    /**
     * What to run.
     *
     * @param projectDir the project: where its migrations are
     * @param migrations the files to dry-run, in order; empty for the project's last migration (or, with a clone,
     *                   its pending migrations by the history table the clone holds)
     * @param seed       a plain SQL file or a pg_dump archive to load before the dry-run, or {@code null}
     * @param cloneSource the database to clone instead of replaying migrations, or {@code null}
     * @param settings   the dry-run's timeouts
     * @param env        the environment ({@code PATH} for {@code pg_restore}; {@code PGPASSWORD}, {@code PGUSER} for
     *                   the clone source)
     */
    public record Request(Path projectDir, List<Path> migrations, Path seed, CloneSource cloneSource,
                          DryRunSettings settings, Map<String, String> env) {
        public Request {
            migrations = List.copyOf(migrations);
            env = Map.copyOf(env);
        }

        /** The project's last migration, on its earlier ones, default timeouts. */
        public static Request of(Path projectDir) {
            return new Request(projectDir, List.of(), null, null, DryRunSettings.defaults(), System.getenv());
        }

        public Request withMigrations(List<Path> files) {
            return new Request(projectDir, files, seed, cloneSource, settings, env);
        }

        public Request withSeed(Path file) {
            return new Request(projectDir, migrations, file, cloneSource, settings, env);
        }

        public Request withClone(CloneSource source) {
            return new Request(projectDir, migrations, seed, source, settings, env);
        }
    }

    /**
     * A database to clone, read-only.
     *
     * @param sampleRows at most this many rows per table (plus the rows they reference), or {@code null} for all
     */
    public record CloneSource(TargetUrl url, Integer sampleRows) {
    }

    /** The embedded dry-run could not run; nothing is left behind. */
    public static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        /** Why: the request cannot work as given, the machine could not do it, or the user cancelled. */
        public enum Kind {
            /** The request is wrong (no migrations, a seed that is not there, no history table to pick from). */
            USAGE,
            /** The server would not start, a replayed migration or the seed failed, the clone source failed. */
            ENVIRONMENT,
            /** Cancelled before the dry-run began. */
            CANCELLED
        }

        private final Kind kind;

        public Failed(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    private final ScratchSpace space;

    public EmbeddedDryRun() {
        this(ScratchSpace.defaultSpace());
    }

    public EmbeddedDryRun(ScratchSpace space) {
        this.space = space;
    }

    /** Runs the whole embedded dry-run; see the class comment. */
    public DryRunReport run(Request request, EmbeddedProgress progress, Cancellation cancellation) throws Failed {
        List<String> notes = new ArrayList<>();
        ScratchPlan plan = null;
        MigrationSelection picked = null; // the files picked to dry-run on a clone, read before anything starts
        try {
            if (request.cloneSource() == null) {
                plan = ScratchPlan.of(request.projectDir(), request.migrations());
                notes.addAll(plan.notes());
            } else if (!request.migrations().isEmpty()) {
                picked = MigrationSelection.ofFiles(request.migrations());
            }
        } catch (MigrationSelection.Unavailable e) {
            throw new Failed(Failed.Kind.USAGE, e.getMessage());
        }
        if (request.seed() != null) {
            try {
                SeedLoader.check(request.seed(), request.env());
            } catch (SeedLoader.Failed e) {
                throw new Failed(Failed.Kind.USAGE, e.getMessage());
            }
        }

        progress.phase(Phase.CLEANING_LEFTOVERS, "removing what crashed runs left in " + space.root());
        List<String> cleaned = new ArrayList<>();
        for (ScratchSpace.Leftover l : space.cleanLeftovers()) {
            String what = l.folder() + (l.ownerPid() == null ? "" : " (of process " + l.ownerPid() + ")")
                    + (l.stoppedServer() ? ", whose server was still running" : "");
            if (l.removed()) {
                cleaned.add(what);
                progress.note("removed the leftovers of an embedded server that did not stop cleanly: " + what);
            } else {
                progress.note("cannot remove the leftovers of an embedded server at " + what + ": " + l.problem());
            }
        }
        checkCancelled(cancellation, "before the embedded server started");

        progress.phase(Phase.STARTING_SERVER, "starting the embedded PostgreSQL");
        EmbeddedServer server;
        try {
            server = EmbeddedServer.start(space);
        } catch (IOException | RuntimeException e) {
            throw new Failed(Failed.Kind.ENVIRONMENT, "the embedded PostgreSQL did not start: " + e.getMessage());
        }
        DryRunReport report;
        try {
            progress.serverStarted(server.serverVersion(), server.startup().toMillis());
            report = prepareAndRun(server, request, plan, picked, notes, cleaned, progress, cancellation);
        } finally {
            progress.phase(Phase.STOPPING_SERVER, "stopping the embedded PostgreSQL and deleting its data");
            server.close();
        }
        return report.withEmbedded(report.embedded().withDataDirectoryRemoved(server.removed()));
    }

    private DryRunReport prepareAndRun(EmbeddedServer server, Request request, ScratchPlan plan,
                                       MigrationSelection picked, List<String> notes, List<String> cleaned,
                                       EmbeddedProgress progress, Cancellation cancellation) throws Failed {
        try {
            server.createDatabase(DATABASE);
        } catch (SQLException e) {
            throw new Failed(Failed.Kind.ENVIRONMENT, "cannot create the scratch database: " + e.getMessage());
        }
        List<String> replayed = List.of();
        List<String> roles = List.of();
        DryRunReport.Clone clone = null;
        MigrationSelection selection;
        try {
            if (request.cloneSource() != null) {
                DatabaseCloner.Result r = DatabaseCloner.cloneInto(request.cloneSource().url(), request.env(),
                        request.cloneSource().sampleRows(), server, DATABASE, progress, cancellation);
                clone = new DryRunReport.Clone(r.source(), r.sourceVersion(), r.sampleRows(), r.tables(), r.rows(),
                        r.referenceRows(), r.notCopied());
                for (String n : r.notCopied()) {
                    progress.note("not copied: " + n);
                }
                selection = picked;
            } else {
                progress.phase(Phase.REPLAYING, plan.replay().isEmpty() ? "nothing to replay"
                        : "applying the " + plan.replay().size() + " migration(s) before the dry-run");
                try (Connection c = server.connect(DATABASE)) {
                    MigrationReplay.Result r = MigrationReplay.apply(c, plan.replay(),
                            (i, n, m) -> progress.replaying(i, n, m.path()), cancellation);
                    replayed = r.migrations();
                    roles = r.createdRoles();
                    notes.addAll(r.notes());
                }
                selection = plan.selection();
            }
            DryRunReport.Seed seed = null;
            if (request.seed() != null) {
                progress.phase(Phase.SEEDING, "loading the seed " + request.seed());
                SeedLoader.Result s = SeedLoader.load(request.seed(), server, DATABASE, request.env(), cancellation);
                notes.addAll(s.notes());
                seed = new DryRunReport.Seed(s.file().toString(), s.kind().id(), s.statements(), s.rows());
            }
            checkCancelled(cancellation, "before the dry-run began");
            TargetUrl url = TargetUrl.parse(server.jdbcUrl(DATABASE));
            DryRunReport report;
            try (TargetConnection target = TargetConnection.open(url, Map.of())) {
                if (selection == null) {
                    selection = MigrationSelection.pending(request.projectDir(), target.jdbc());
                }
                progress.phase(Phase.DRY_RUN, "dry-running " + selection.migrations().size() + " migration(s)");
                report = new DryRunner(request.settings()).run(target, "embedded", selection.history(),
                        selection.migrations(), cancellation,
                        (i, n, m) -> progress.dryRunning(i, n, m.path()));
                if (cancellation.isCancelled() && report.abort() != null
                        && !report.abort().kind().equals("cancelled")) {
                    report = report.withAbort(new DryRunReport.Abort("cancelled", "cancelled; the embedded server "
                            + "was stopped and its data deleted"));
                }
            }
            // The server is ours and nobody else is connected: a migration the transaction could only run in part
            // also runs whole on a throwaway copy (after the dry-run's own connection closed).
            if (report.abort() == null && !cancellation.isCancelled()) {
                report = report.withThrowawayCopies(new ThrowawayCopy(request.settings()).run(url, Map.of(),
                        selection.migrations(), report.migrations(), cancellation));
            }
            return report.withEmbedded(new DryRunReport.Embedded(server.serverVersion(),
                    server.startup().toMillis(), replayed, roles, seed, clone, cleaned, notes, false));
        } catch (Cancelled e) {
            throw new Failed(Failed.Kind.CANCELLED, e.getMessage());
        } catch (MigrationSelection.Unavailable e) {
            throw new Failed(Failed.Kind.USAGE, e.getMessage() + (request.cloneSource() != null
                    ? " (the clone has no history table of this project's migration tool)" : ""));
        } catch (MigrationReplay.Failed | SeedLoader.Failed | DatabaseCloner.Failed | TargetConnection.Failed e) {
            throw new Failed(Failed.Kind.ENVIRONMENT, e.getMessage());
        } catch (SQLException e) {
            if (cancellation.isCancelled()) {
                throw new Failed(Failed.Kind.CANCELLED, "cancelled");
            }
            throw new Failed(Failed.Kind.ENVIRONMENT, "the embedded database failed: " + e.getMessage());
        }
    }

    private static void checkCancelled(Cancellation cancellation, String when) throws Failed {
        if (cancellation.isCancelled()) {
            throw new Failed(Failed.Kind.CANCELLED, "cancelled " + when);
        }
    }
}

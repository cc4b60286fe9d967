package dev.redline.cli;

import dev.redline.dryrun.Cancellation;
import dev.redline.dryrun.ConnectionProfile;
import dev.redline.dryrun.DryRunReport;
import dev.redline.dryrun.DryRunSettings;
import dev.redline.dryrun.DryRunner;
import dev.redline.dryrun.MigrationSelection;
import dev.redline.dryrun.PlannedMigration;
import dev.redline.dryrun.ProductionGuard;
import dev.redline.dryrun.Profiles;
import dev.redline.dryrun.TargetConnection;
import dev.redline.dryrun.TargetRole;
import dev.redline.dryrun.TargetUrl;
import dev.redline.dryrun.ThrowawayCopy;
import dev.redline.dryrun.embedded.EmbeddedDryRun;
import dev.redline.dryrun.embedded.ScratchSpace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code redline dry-run}: resolves the target and refuses production, connects and shows what it is connected to,
 * picks the migrations, hands them to {@link DryRunner}, and prints the report. Ctrl-C cancels the running statement
 * and waits for the rollback before the JVM exits. Without {@code --db} or {@code --profile}, {@link EmbeddedDryRun}
 * does the same on an embedded PostgreSQL it builds (replay, seed or clone) and deletes, its progress on stderr.
 */
final class DryRunCommand {

    private final Map<String, String> env;
    private final Profiles profiles;

    DryRunCommand(Map<String, String> env, Profiles profiles) {
        this.env = env;
        this.profiles = profiles;
    }

    ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        DryRunOptions options = DryRunOptions.parse(args);
        if (options.help()) {
            out.print(DryRunOptions.USAGE);
            return ExitCode.OK;
        }
        Path projectDir = projectDir(options.projectDir());
        List<Path> files = migrationFiles(options.migrations());
        if (options.embedded()) {
            return runEmbedded(options, projectDir, files, out, err);
        }

        TargetUrl url;
        TargetRole role;
        try {
            if (options.profile() != null) {
                ConnectionProfile profile = profiles.find(options.profile()).orElseThrow(() -> new UsageException(
                        "no connection profile named '" + options.profile() + "' in " + profiles.file()));
                url = TargetUrl.parse(profile.jdbcUrl());
                role = profile.role();
            } else {
                url = TargetUrl.parse(options.db());
                Optional<ConnectionProfile> known = profiles.matching(url);
                role = known.map(ConnectionProfile::role).orElse(null);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            err.println("redline: cannot read the connection profiles: " + e.getMessage());
            return ExitCode.USAGE_OR_IO;
        }

        try {
            ProductionGuard.forProject(projectDir).check(url, role);
        } catch (ProductionGuard.Refused e) {
            err.println("redline: refused: " + e.getMessage());
            return ExitCode.USAGE_OR_IO;
        }

        DryRunReport report;
        List<PlannedMigration> plan;
        try (TargetConnection target = TargetConnection.open(url, env)) {
            String roleText = role == null ? "not declared (no saved profile for it)" : role.id();
            err.println("redline: dry-run on " + url.display() + " — database " + target.database() + " as "
                    + target.user() + ", role " + roleText + ", PostgreSQL " + target.serverVersion()
                    + "; everything is rolled back, nothing is committed");

            MigrationSelection selection;
            try {
                selection = files.isEmpty() ? MigrationSelection.pending(projectDir, target.jdbc())
                        : MigrationSelection.ofFiles(files);
            } catch (MigrationSelection.Unavailable e) {
                err.println("redline: " + e.getMessage());
                return ExitCode.USAGE_OR_IO;
            } catch (SQLException e) {
                err.println("redline: cannot read the migration history on " + url.display() + ": "
                        + e.getMessage());
                return ExitCode.USAGE_OR_IO;
            }

            report = runCancellable(new DryRunner(settings(options)), target, role, selection);
            plan = selection.migrations();
        } catch (TargetConnection.Failed e) {
            err.println("redline: " + e.getMessage());
            return ExitCode.USAGE_OR_IO;
        }
        // After the transactional run, its connection closed: that session would keep TEMPLATE from copying.
        if (options.throwawayCopy() && report.abort() == null) {
            report = report.withThrowawayCopies(runThrowawayCopies(url, plan, report, settings(options), err));
        }
        return write(report, options.format(), out, err);
    }

    /** {@code --throwaway-copy}: the migrations the transaction could only run in part, whole on copies. */
    private List<DryRunReport.ThrowawayRun> runThrowawayCopies(TargetUrl url, List<PlannedMigration> plan,
                                                               DryRunReport report, DryRunSettings settings,
                                                               PrintStream err) {
        if (ThrowawayCopy.wanted(plan, report.migrations()).isEmpty()) {
            return List.of();
        }
        err.println("redline: running the migrations that cannot run in a transaction whole on throwaway copies "
                + "(CREATE DATABASE … TEMPLATE " + url.database() + ", dropped afterwards)");
        // Ctrl-C cancels the statement running on the copy and waits for the copy to be dropped.
        return cancelOnShutdown("redline-throwaway-cancel", 30,
                cancellation -> new ThrowawayCopy(settings).run(url, env, plan, report.migrations(), cancellation));
    }

    private static DryRunSettings settings(DryRunOptions options) {
        DryRunSettings settings = DryRunSettings.defaults();
        if (options.lockTimeout() != null) {
            settings = settings.withLockTimeout(options.lockTimeout());
        }
        if (options.statementTimeout() != null) {
            settings = settings.withStatementTimeout(options.statementTimeout());
        }
        return settings;
    }

    /**
     * No --db: an embedded PostgreSQL, built by replaying the project's earlier migrations (or cloning
     * --clone-from), seeded, dry-run, stopped and deleted. Progress goes to standard error; Ctrl-C cancels whatever
     * step runs and waits for the server to be stopped and its data deleted.
     */
    private ExitCode runEmbedded(DryRunOptions options, Path projectDir, List<Path> files, PrintStream out,
                                 PrintStream err) throws UsageException {
        Path seed = options.seed() == null ? null : path(options.seed());
        EmbeddedDryRun.CloneSource clone = null;
        if (options.cloneFrom() != null) {
            TargetUrl source;
            try {
                source = TargetUrl.parse(options.cloneFrom());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--clone-from: " + e.getMessage());
            }
            clone = new EmbeddedDryRun.CloneSource(source, options.sampleRows());
            err.println("redline: cloning " + source.display() + " read-only (one READ ONLY transaction; "
                    + (options.sampleRows() == null ? "every row" : "at most " + options.sampleRows()
                    + " rows per table, plus the rows they reference") + ") into an embedded PostgreSQL");
        } else {
            err.println("redline: no --db: dry-run on an embedded PostgreSQL, after applying the project's earlier "
                    + "migrations to it; it is deleted afterwards");
        }
        EmbeddedDryRun.Request request = new EmbeddedDryRun.Request(projectDir, files, seed, clone,
                settings(options), env);
        EmbeddedDryRun service = new EmbeddedDryRun(ScratchSpace.defaultSpace(env));
        DryRunReport report;
        try {
            report = cancelOnShutdown("redline-dry-run-cancel", 30,
                    cancellation -> service.run(request, new DryRunProgressPrinter(err), cancellation));
        } catch (EmbeddedDryRun.Failed e) {
            err.println("redline: " + e.getMessage());
            return e.kind() == EmbeddedDryRun.Failed.Kind.CANCELLED ? ExitCode.GATE_FAILED : ExitCode.USAGE_OR_IO;
        }
        return write(report, options.format(), out, err);
    }

    /** Runs the dry-run with a shutdown hook that cancels it and waits for its rollback (Ctrl-C, SIGTERM). */
    private static DryRunReport runCancellable(DryRunner runner, TargetConnection target, TargetRole role,
                                               MigrationSelection selection) {
        return cancelOnShutdown("redline-dry-run-cancel", 15, cancellation -> runner.run(target,
                role == null ? null : role.id(), selection.history(), selection.migrations(), cancellation));
    }

    /** Work that stops when its {@link Cancellation} is cancelled. */
    @FunctionalInterface
    private interface CancellableWork<T, E extends Exception> {
        T run(Cancellation cancellation) throws E;
    }

    /**
     * Runs {@code work} with a shutdown hook (Ctrl-C, SIGTERM) that cancels it and holds the JVM's exit until the
     * work has cleaned up (rolled back, dropped its copy, stopped its server), for at most {@code waitSeconds}.
     */
    private static <T, E extends Exception> T cancelOnShutdown(String hookName, long waitSeconds,
                                                               CancellableWork<T, E> work) throws E {
        Cancellation cancellation = new Cancellation();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancellation.cancel();
            try {
                done.await(waitSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, hookName);
        boolean hooked = addHook(hook);
        try {
            return work.run(cancellation);
        } finally {
            done.countDown();
            if (hooked) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it returns as soon as it sees the latch
                }
            }
        }
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }

    private static ExitCode write(DryRunReport report, DryRunOptions.Format format, PrintStream out,
                                  PrintStream err) {
        try {
            (format == DryRunOptions.Format.JSON ? new DryRunJsonReporter() : new DryRunTextReporter())
                    .write(report, out);
            out.flush();
        } catch (IOException e) {
            err.println("redline: cannot write the report: " + e.getMessage());
            return ExitCode.USAGE_OR_IO;
        }
        if (out.checkError()) {
            err.println("redline: cannot write the report to standard output");
            return ExitCode.USAGE_OR_IO;
        }
        if (report.abort() != null && !report.abort().kind().equals("cancelled")) {
            err.println("redline: " + report.abort().message());
            return ExitCode.USAGE_OR_IO;
        }
        return report.allOk() ? ExitCode.OK : ExitCode.GATE_FAILED;
    }

    private static Path projectDir(String argument) throws UsageException {
        if (argument == null) {
            return Path.of("").toAbsolutePath();
        }
        Path p = path(argument);
        if (!Files.isDirectory(p)) {
            throw new UsageException("PROJECT_DIR is not a folder: " + argument);
        }
        return p;
    }

    private static List<Path> migrationFiles(List<String> arguments) throws UsageException {
        List<Path> out = new ArrayList<>();
        for (String a : arguments) {
            Path p = path(a);
            if (!Files.isRegularFile(p)) {
                throw new UsageException("--migration " + a + ": no such file");
            }
            out.add(p);
        }
        return out;
    }

    private static Path path(String argument) throws UsageException {
        try {
            return Path.of(argument).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException("not a valid path: " + argument);
        }
    }
}

package dev.redline.ui.dryrun;

import dev.redline.dryrun.Cancellation;
import dev.redline.dryrun.ConnectionProfile;
import dev.redline.dryrun.DryRunReport;
import dev.redline.dryrun.DryRunSettings;
import dev.redline.dryrun.DryRunner;
import dev.redline.dryrun.MigrationSelection;
import dev.redline.dryrun.PlannedMigration;
import dev.redline.dryrun.ProductionGuard;
import dev.redline.dryrun.Profiles;
import dev.redline.dryrun.TargetRole;
import dev.redline.dryrun.TargetConnection;
import dev.redline.dryrun.TargetUrl;
import dev.redline.dryrun.ThrowawayCopy;
import dev.redline.dryrun.embedded.EmbeddedDryRun;
import dev.redline.dryrun.embedded.EmbeddedProgress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The real dry-runs, as {@code redline dry-run} does them: on an {@link EmbeddedDryRun}, or on a JDBC target after
 * {@link ProductionGuard} let it through, with the target's user, role and server version reported before anything
 * runs. The typed password goes to the driver through an in-memory environment map, nowhere else. When the target
 * asks for it, a migration PostgreSQL refuses in a transaction then also runs whole on a {@link ThrowawayCopy} of the
 * target, as {@code redline dry-run --throwaway-copy} does.
 */
public final class RedlineDryRunService implements DryRunService {

    private final Map<String, String> env;
    private final Profiles profiles;

    /** @param profiles the saved connection profiles, whose declared role (clone, branch) is shown and recorded */
    public RedlineDryRunService(Map<String, String> env, Profiles profiles) {
        this.env = Map.copyOf(env);
        this.profiles = profiles;
    }

    @Override
    public DryRunReport run(Path projectDir, Path migration, DryRunTarget target, Consumer<String> status,
                            Confirm confirm, Cancellation cancellation) throws DryRunRefused {
        if (target instanceof DryRunTarget.Jdbc jdbc) {
            return onTarget(projectDir, migration, jdbc, status, confirm, cancellation);
        }
        EmbeddedProgress progress = new EmbeddedProgress() {
            @Override
            public void phase(Phase phase, String message) {
                status.accept(message);
            }

            @Override
            public void serverStarted(String serverVersion, long startupMillis) {
                status.accept("Embedded PostgreSQL " + serverVersion + " started in " + startupMillis + " ms");
            }

            @Override
            public void replaying(int index, int total, String path) {
                status.accept("Applying earlier migration " + (index + 1) + " of " + total + ": " + path);
            }

            @Override
            public void dryRunning(int index, int total, String path) {
                status.accept("Dry-running " + path + " (rolled back)");
            }
        };
        try {
            return new EmbeddedDryRun().run(EmbeddedDryRun.Request.of(projectDir).withMigrations(List.of(migration)),
                    progress, cancellation);
        } catch (EmbeddedDryRun.Failed e) {
            throw new DryRunRefused(e.getMessage());
        }
    }

    private DryRunReport onTarget(Path projectDir, Path migration, DryRunTarget.Jdbc jdbc, Consumer<String> status,
                                  Confirm confirm, Cancellation cancellation) throws DryRunRefused {
        TargetUrl url;
        try {
            url = TargetUrl.parse(jdbc.url().strip());
        } catch (IllegalArgumentException e) {
            throw new DryRunRefused("Not a usable JDBC URL: " + e.getMessage());
        }
        TargetRole role = null;
        try {
            role = profiles == null ? null : profiles.matching(url).map(ConnectionProfile::role).orElse(null);
        } catch (IOException e) {
            status.accept("Cannot read the connection profiles (" + e.getMessage() + "); the role is not declared");
        }
        try {
            ProductionGuard.forProject(projectDir).check(url, role);
        } catch (ProductionGuard.Refused e) {
            throw new DryRunRefused("Refused: " + e.getMessage());
        }
        Map<String, String> connectEnv = new HashMap<>(env);
        if (jdbc.password() != null && !jdbc.password().isEmpty()) {
            connectEnv.put("PGPASSWORD", jdbc.password());
        }
        status.accept("Connecting to " + url.display() + "…");
        DryRunSettings settings = DryRunSettings.defaults();
        DryRunReport report;
        List<PlannedMigration> plan;
        try (TargetConnection target = TargetConnection.open(url, connectEnv)) {
            String what = url.display() + ": database " + target.database() + " as " + target.user()
                    + ", role " + (role == null ? "not declared (no saved profile for it)" : role.id())
                    + ", PostgreSQL " + target.serverVersion()
                    + (jdbc.throwawayCopy() ? ";\nthen, for a migration that cannot run in a transaction, a throwaway "
                    + "copy of " + target.database() + " is created (CREATE DATABASE … TEMPLATE) and dropped again"
                    : "");
            status.accept("Connected to " + what + "; waiting for your go-ahead");
            if (!confirm.proceed(what) || cancellation.isCancelled()) {
                throw new DryRunRefused("Dry-run not started on " + url.display() + "; nothing ran");
            }
            status.accept("Dry-running on " + what + "; everything is rolled back, nothing is committed");
            MigrationSelection selection;
            try {
                selection = MigrationSelection.ofFiles(List.of(migration));
            } catch (MigrationSelection.Unavailable e) {
                throw new DryRunRefused(e.getMessage());
            }
            report = new DryRunner(settings).run(target, role == null ? null : role.id(), selection.history(),
                    selection.migrations(), cancellation);
            plan = selection.migrations();
        } catch (TargetConnection.Failed e) {
            throw new DryRunRefused(e.getMessage());
        }
        // After the transactional run, its connection closed: that session would keep TEMPLATE from copying.
        if (jdbc.throwawayCopy() && report.abort() == null && !cancellation.isCancelled()) {
            report = report.withThrowawayCopies(throwawayCopies(url, connectEnv, plan, report, settings, status,
                    cancellation));
        }
        return report;
    }

    /** The migrations the transaction could only run in part, whole on throwaway copies (none when none needs one). */
    private static List<DryRunReport.ThrowawayRun> throwawayCopies(TargetUrl url, Map<String, String> connectEnv,
                                                                   List<PlannedMigration> plan, DryRunReport report,
                                                                   DryRunSettings settings, Consumer<String> status,
                                                                   Cancellation cancellation) {
        if (ThrowawayCopy.wanted(plan, report.migrations()).isEmpty()) {
            status.accept("Every statement ran in the rolled-back transaction; no throwaway copy needed");
            return List.of();
        }
        status.accept("Running the migration whole on a throwaway copy of " + url.display()
                + " (CREATE DATABASE … TEMPLATE, dropped afterwards)");
        return new ThrowawayCopy(settings).run(url, connectEnv, plan, report.migrations(), cancellation);
    }
}

package dev.redline.ui.dryrun;

import dev.redline.dryrun.Cancellation;
import dev.redline.dryrun.DryRunReport;
import dev.redline.ui.task.BackgroundTask;
import dev.redline.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One dry-run at a time of the selected migration, in the background: its status line, a cancel, and the last report
 * (or why there is none). Also remembers, for the session only, the last JDBC URL and password typed.
 */
public final class DryRunViewModel {

    /** The last finished dry-run: which file it ran and what it found. */
    public record Result(Path migration, DryRunReport report) {
    }

    private final DryRunService service;
    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private Cancellation cancellation;
    private long generation;
    private String lastUrl = "";
    private String sessionPassword = "";
    private boolean lastWasJdbc;
    private boolean lastThrowawayCopy;
    private Function<String, CompletionStage<Boolean>> confirmTarget = what -> CompletableFuture.completedFuture(true);

    public DryRunViewModel(DryRunService service, TaskExecutor executor) {
        this.service = Objects.requireNonNull(service);
        this.executor = Objects.requireNonNull(executor);
    }

    /** Starts a dry-run of {@code migration}; ignored while one runs. */
    public void start(Path projectDir, Path migration, DryRunTarget target) {
        if (running.get() || projectDir == null || migration == null) {
            return;
        }
        if (target instanceof DryRunTarget.Jdbc j) {
            lastWasJdbc = true;
            lastUrl = j.url();
            sessionPassword = j.password() == null ? "" : j.password();
            lastThrowawayCopy = j.throwawayCopy();
        } else {
            lastWasJdbc = false;
        }
        long mine = ++generation;
        Cancellation c = new Cancellation();
        cancellation = c;
        running.set(true);
        error.set(null);
        status.set("Starting the dry-run of " + migration.getFileName() + "…");
        Function<String, CompletionStage<Boolean>> ask = confirmTarget;
        DryRunService.Confirm confirm = what -> awaitAnswer(ask.apply(what), c);
        executor.execute(BackgroundTask.of(p -> service.run(projectDir, migration, target,
                        message -> p.update(message, -1), confirm, c))
                .onProgress((message, fraction) -> {
                    if (mine == generation && message != null && !message.isEmpty()) {
                        status.set(message);
                    }
                })
                .onSuccess(report -> {
                    if (mine == generation) {
                        result.set(new Result(migration, report));
                        status.set(summary(report));
                    }
                })
                .onFailure(e -> {
                    if (mine == generation) {
                        String message = e instanceof DryRunService.DryRunRefused ? e.getMessage()
                                : "The dry-run failed: " + e;
                        error.set(message);
                        status.set(message);
                    }
                })
                .onFinished(() -> {
                    if (mine == generation) {
                        running.set(false);
                    }
                }));
    }

    /**
     * How the user is asked to go on once a named target is connected: called on the worker thread with what the
     * target is; the answer may come later, from the UI thread. The default says yes.
     */
    public void setTargetConfirmation(Function<String, CompletionStage<Boolean>> ask) {
        this.confirmTarget = Objects.requireNonNull(ask);
    }

    /** Waits on the worker thread for the user's answer; a cancel meanwhile is a no. */
    private static boolean awaitAnswer(CompletionStage<Boolean> answer, Cancellation c) {
        CompletableFuture<Boolean> f = answer.toCompletableFuture();
        while (!c.isCancelled()) {
            try {
                return Boolean.TRUE.equals(f.get(200, TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                // ask again whether the user cancelled meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                return false;
            }
        }
        return false;
    }

    /** Asks the running dry-run to stop; its transaction is rolled back and the scratch server deleted. */
    public void cancel() {
        if (running.get() && cancellation != null) {
            cancellation.cancel();
            status.set("Cancelling… (rolling back)");
        }
    }

    static String summary(DryRunReport report) {
        if (report.abort() != null) {
            return "Dry-run stopped: " + report.abort().message();
        }
        long failed = report.migrations().stream()
                .filter(m -> m.outcome() != DryRunReport.MigrationOutcome.OK
                        && m.outcome() != DryRunReport.MigrationOutcome.SKIPPED)
                .count();
        boolean copyFailed = report.throwawayCopies().stream()
                .anyMatch(t -> t.outcome() == DryRunReport.ThrowawayOutcome.FAILED);
        StringBuilder b = new StringBuilder(failed == 0 && !copyFailed ? "Dry-run passed" : "Dry-run failed")
                .append(" in ").append(Math.round(report.durationMs())).append(" ms; everything was rolled back");
        for (DryRunReport.ThrowawayRun t : report.throwawayCopies()) {
            b.append(switch (t.outcome()) {
                case OK -> "; ran whole on a throwaway copy";
                case FAILED -> "; failed on a throwaway copy";
                case UNAVAILABLE -> "; not run on a throwaway copy";
            });
            if (t.database() != null && !t.dropped()) {
                b.append(" (NOT dropped: ").append(t.database()).append(')');
            }
        }
        return b.toString();
    }

    /** The runs on throwaway copies of {@code report} that ran {@code file}, matched by path. */
    public static List<DryRunReport.ThrowawayRun> throwawayRunsFor(DryRunReport report, Path file) {
        List<DryRunReport.ThrowawayRun> out = new ArrayList<>();
        if (report == null || file == null) {
            return out;
        }
        for (DryRunReport.ThrowawayRun t : report.throwawayCopies()) {
            if (samePath(t.path(), file)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Whether a migration path of a report (relative to the working directory, as shown) is {@code file}. */
    public static boolean samePath(String reportPath, Path file) {
        if (reportPath == null || file == null) {
            return false;
        }
        try {
            return Path.of(reportPath).toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize());
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /**
     * The heading of a run on a throwaway copy: "On a throwaway copy (name): ok — the copy was dropped", or "Not run
     * on a throwaway copy: why".
     */
    public static String throwawayHeading(DryRunReport.ThrowawayRun t) {
        if (t.outcome() == DryRunReport.ThrowawayOutcome.UNAVAILABLE || t.database() == null) {
            String why = t.reason() == null ? "no copy was made" : t.reason();
            if (why.startsWith("no throwaway copy: ")) {
                why = why.substring("no throwaway copy: ".length());
            }
            return "Not run on a throwaway copy: " + why;
        }
        return "On a throwaway copy (" + t.database() + "): " + t.outcome().id() + " — "
                + (t.dropped() ? "the copy was dropped" : "the copy could NOT be dropped; drop the database "
                + t.database() + " by hand");
    }

    /** What a statement's row says beyond its outcome: SQLSTATE and message of an error, or why it did not run. */
    public static String statementDetail(DryRunReport.StatementRun s) {
        if (s.error() != null) {
            return "SQLSTATE " + s.error().sqlState() + " — " + s.error().message()
                    + (s.error().detail() == null ? "" : " (" + s.error().detail() + ")");
        }
        return s.outcome() == DryRunReport.StatementOutcome.OK || s.note() == null ? "" : s.note();
    }

    /** 1-based lines of the statements that failed in the last dry-run of {@code file}, or on its throwaway copy. */
    public List<Integer> errorLines(Path file) {
        Result r = result.get();
        List<Integer> lines = new ArrayList<>();
        if (r == null || file == null || !file.equals(r.migration())) {
            return lines;
        }
        List<DryRunReport.StatementRun> statements = new ArrayList<>();
        r.report().migrations().forEach(m -> statements.addAll(m.statements()));
        throwawayRunsFor(r.report(), file).forEach(t -> statements.addAll(t.statements())); // failed for real
        for (DryRunReport.StatementRun s : statements) {
            if (s.outcome() == DryRunReport.StatementOutcome.ERROR && !lines.contains(s.line())) {
                lines.add(s.line());
            }
        }
        return lines;
    }

    /** The last dry-run's report if it ran {@code file}. */
    public DryRunReport reportFor(Path file) {
        Result r = result.get();
        return r != null && r.migration().equals(file) ? r.report() : null;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public String lastUrl() {
        return lastUrl;
    }

    public String sessionPassword() {
        return sessionPassword;
    }

    public boolean lastWasJdbc() {
        return lastWasJdbc;
    }

    /** Whether the last JDBC dry-run of the session also asked for a throwaway copy. */
    public boolean lastThrowawayCopy() {
        return lastThrowawayCopy;
    }
}

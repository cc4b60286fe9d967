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
    private final ReadOnlyObjectWrapper<Path> runningFile = new ReadOnlyObjectWrapper<>();
    private Cancellation cancellation;
    private long generation;
    private String lastUrl = "";
    private String sessionPassword = "";
    private boolean lastWasJdbc;
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
        } else {
            lastWasJdbc = false;
        }
        long mine = ++generation;
        Cancellation c = new Cancellation();
        cancellation = c;
        running.set(true);
        runningFile.set(migration);
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
                        runningFile.set(null);
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
        return (failed == 0 ? "Dry-run passed" : "Dry-run failed") + " in "
                + Math.round(report.durationMs()) + " ms; everything was rolled back";
    }

    /** 1-based lines of the statements that failed in the last dry-run of {@code file}. */
    public List<Integer> errorLines(Path file) {
        Result r = result.get();
        List<Integer> lines = new ArrayList<>();
        if (r == null || file == null || !file.equals(r.migration())) {
            return lines;
        }
        for (DryRunReport.MigrationRun m : r.report().migrations()) {
            for (DryRunReport.StatementRun s : m.statements()) {
                if (s.outcome() == DryRunReport.StatementOutcome.ERROR) {
                    lines.add(s.line());
                }
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

    public ReadOnlyObjectProperty<Path> runningFileProperty() {
        return runningFile.getReadOnlyProperty();
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
}

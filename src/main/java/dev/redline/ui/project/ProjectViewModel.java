package dev.redline.ui.project;

import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.analysis.ProjectAnalyzer;
import dev.redline.core.layout.LayoutScan;
import dev.redline.ui.dialog.Notice;
import dev.redline.ui.task.BackgroundTask;
import dev.redline.ui.task.Progress;
import dev.redline.ui.task.TaskExecutor;
import dev.redline.ui.task.TaskHandle;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open project: which folder, its latest analysis, whether an analysis is running, and the folders opened
 * before. Opening and refreshing run in the background; a failed open leaves the previous project in place and
 * says why in {@link #noticeProperty()}.
 */
public final class ProjectViewModel {

    private final ProjectAnalyzer analyzer;
    private final TaskExecutor executor;
    private final WorkbenchSettings settings;

    private final ReadOnlyObjectWrapper<ProjectAnalysis> analysis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> root = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final ObservableList<Path> recentProjects = FXCollections.observableArrayList();

    private TaskHandle running = TaskHandle.DONE;
    private long generation;
    private boolean refreshAgain;

    public ProjectViewModel(ProjectAnalyzer analyzer, TaskExecutor executor, WorkbenchSettings settings) {
        this.analyzer = analyzer;
        this.executor = executor;
        this.settings = settings;
        recentProjects.setAll(settings.recentProjects());
    }

    /** Opens a project folder (or one .sql file), replacing the current project once it is analysed. */
    public void open(Path path) {
        Path target = path.toAbsolutePath().normalize();
        start(target, false);
    }

    /** Analyses the open project again (F5, or files changed on disk); the list stays in place meanwhile. */
    public void refresh() {
        Path current = root.get();
        if (current == null) {
            return;
        }
        if (busy.get()) {
            refreshAgain = true; // coalesce bursts of file events into one more run
            return;
        }
        start(current, true);
    }

    /** Stops the running analysis; the previous project stays. */
    public void cancel() {
        generation++;
        running.cancel();
        busy.set(false);
        refreshAgain = false;
        progressMessage.set("");
        notice.set(Notice.info("Analysis cancelled."));
    }

    private void start(Path target, boolean quiet) {
        long mine = ++generation;
        running.cancel();
        refreshAgain = false;
        busy.set(true);
        progress.set(-1);
        progressMessage.set((quiet ? "Re-analysing " : "Opening ") + target.getFileName());
        running = executor.execute(BackgroundTask.of(p -> load(target, p))
                .onProgress((message, fraction) -> {
                    if (mine == generation) {
                        progressMessage.set(message);
                        progress.set(fraction);
                    }
                })
                .onSuccess(result -> {
                    if (mine == generation) {
                        finished(target, result, quiet);
                    }
                })
                .onFailure(error -> {
                    if (mine == generation) {
                        failed(target, error);
                    }
                }));
    }

    private ProjectAnalysis load(Path target, Progress p) throws IOException {
        checkOpenable(target);
        p.update("Finding migrations in " + target.getFileName() + "…", -1);
        LayoutScan scan = analyzer.scan(target, false);
        if (p.cancelled()) {
            throw new CancellationException();
        }
        p.update(String.format(Locale.ROOT, "Analysing %d migrations…", scan.migrations().size()), -1);
        return analyzer.analyze(target, scan);
    }

    /** A clear reason instead of an empty list when the folder itself is the problem. */
    static void checkOpenable(Path target) throws IOException {
        if (!Files.exists(target)) {
            throw new NoSuchFileException(target.toString(), null, target + " does not exist.");
        }
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
                entries.iterator().hasNext();
            } catch (AccessDeniedException e) {
                throw new IOException(target + " cannot be read: permission denied.", e);
            } catch (IOException e) {
                throw new IOException(target + " cannot be read: " + e.getMessage(), e);
            }
        } else if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql")) {
            throw new IOException(target.getFileName() + " is neither a folder nor a .sql file.");
        } else if (!Files.isReadable(target)) {
            throw new IOException(target + " cannot be read: permission denied.");
        }
    }

    private void finished(Path target, ProjectAnalysis result, boolean quiet) {
        boolean again = refreshAgain;
        busy.set(false);
        progressMessage.set("");
        root.set(target);
        analysis.set(result);
        notice.set(noticeFor(target, result, quiet));
        if (!quiet) {
            remember(target);
        }
        if (again) {
            refresh();
        }
    }

    private void failed(Path target, Throwable error) {
        busy.set(false);
        progressMessage.set("");
        refreshAgain = false;
        if (error instanceof CancellationException) {
            return;
        }
        if (error instanceof NoSuchFileException && recentProjects.contains(target)) {
            forgetRecent(target); // a recent folder that is gone leaves the list
        }
        String why = error instanceof NoSuchFileException nsf ? nsf.getReason()
                : error instanceof IOException && error.getMessage() != null ? error.getMessage()
                : "Redline could not analyse " + target + " (" + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage()) + "). Please report this.";
        notice.set(Notice.error(why));
    }

    static Notice noticeFor(Path target, ProjectAnalysis result, boolean quiet) {
        if (result.migrations().isEmpty() && result.errors().isEmpty()) {
            return Notice.warning("No migrations found in " + target + ". Redline recognises Flyway, goose, dbmate, "
                    + "golang-migrate, Prisma, Supabase, diesel and Sqitch layouts, and plain .sql files.");
        }
        if (!result.errors().isEmpty()) {
            ProjectAnalysis.PathError first = result.errors().get(0);
            String more = result.errors().size() > 1 ? " (and " + (result.errors().size() - 1) + " more)" : "";
            return Notice.warning("Some paths could not be read, and may hide migrations: " + first.path() + ": "
                    + first.message() + more + ".");
        }
        return null;
    }

    private void remember(Path target) {
        settings.addRecent(target);
        recentProjects.setAll(settings.recentProjects());
        saveSettings();
    }

    /** Removes a folder from the recent list. */
    public void forgetRecent(Path project) {
        settings.removeRecent(project);
        recentProjects.setAll(settings.recentProjects());
        saveSettings();
    }

    /** Writes the settings file in the background; failing to remember is worth a notice, not a dialog. */
    public void saveSettings() {
        executor.execute(BackgroundTask.of(p -> {
            settings.save();
            return null;
        }).onFailure(e -> notice.set(Notice.warning("Could not save settings to " + settings.file() + ": "
                + e.getMessage()))));
    }

    public WorkbenchSettings settings() {
        return settings;
    }

    public ReadOnlyObjectProperty<ProjectAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public ProjectAnalysis analysis() {
        return analysis.get();
    }

    public ReadOnlyObjectProperty<Path> rootProperty() {
        return root.getReadOnlyProperty();
    }

    public Path root() {
        return root.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    public ObservableList<Path> recentProjects() {
        return recentProjects;
    }
}

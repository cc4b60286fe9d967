package dev.redline.ui;

import dev.redline.core.analysis.ProjectAnalyzer;
import dev.redline.dryrun.Profiles;
import dev.redline.sample.SampleProject;
import dev.redline.ui.dialog.DialogService;
import dev.redline.ui.dialog.Notice;
import dev.redline.ui.task.BackgroundTask;
import dev.redline.ui.dialog.FxDialogService;
import dev.redline.ui.dryrun.DryRunViewModel;
import dev.redline.ui.dryrun.RedlineDryRunService;
import dev.redline.ui.editor.EditorViewModel;
import dev.redline.ui.signoff.SignOffViewModel;
import dev.redline.ui.migrations.MigrationListViewModel;
import dev.redline.ui.project.ProjectViewModel;
import dev.redline.ui.project.ProjectWatcher;
import dev.redline.ui.project.WorkbenchSettings;
import dev.redline.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The composition root: builds the services, view models and views of one workbench window and puts them on a stage.
 * Everything is passed in through constructors; nothing is global but the theme, which JavaFX keeps per application.
 */
public final class Workbench {

    private final WorkbenchViewModel model;
    private final WorkbenchView view;
    private final TaskExecutor executor;
    private final DryRunViewModel dryRun;
    private final SignOffViewModel signOff;

    public Workbench(Stage stage, TaskExecutor executor, WorkbenchSettings settings, FolderWatch folderWatch,
                     Function<Window, DialogService> dialogs) {
        this.executor = executor;
        ProjectAnalyzer analyzer = new ProjectAnalyzer();
        ProjectViewModel project = new ProjectViewModel(analyzer, executor, settings);
        EditorViewModel editor = new EditorViewModel(analyzer, executor);
        this.model = new WorkbenchViewModel(project, new MigrationListViewModel(), editor, dialogs.apply(stage),
                folderWatch);
        this.dryRun = new DryRunViewModel(new RedlineDryRunService(System.getenv(),
                Profiles.forCurrentUser()), executor);
        this.signOff = new SignOffViewModel(executor, model.migrations());
        this.view = new WorkbenchView(model, dryRun, signOff);

        Theme.apply(model.darkProperty().get());
        model.darkProperty().addListener((o, was, now) -> Theme.apply(now));

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1480, screen.getWidth() * 0.92), Math.min(920,
                screen.getHeight() * 0.92));
        stage.setScene(scene);
        stage.sizeToScene(); // a stage shown before (tests reuse one) keeps its old size otherwise
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.titleProperty().bind(model.windowTitleProperty());
        stage.setOnCloseRequest(e -> {
            if (!model.requestClose(stage::close)) {
                e.consume();
            } else {
                dispose();
            }
        });
        addIcons(stage);
        view.setOnOpenSample(this::openSample);
        view.setOnQuit(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
    }

    /** The real services: dialogs owned by the window, a watcher that re-analyses when files change. */
    public static Workbench create(Stage stage, TaskExecutor executor, WorkbenchSettings settings) {
        FolderWatch watch = (root, onChange) -> watchInBackground(executor, root, onChange);
        return new Workbench(stage, executor, settings, watch, FxDialogService::new);
    }

    /**
     * Starts a {@link ProjectWatcher} on a worker: starting one visits every folder of the project to register it,
     * which in a large repository would hold up the FX thread. A watch closed before it started is closed as soon as
     * it has; one that could not start closes nothing.
     */
    private static AutoCloseable watchInBackground(TaskExecutor executor, Path root, Runnable onChange) {
        CompletableFuture<ProjectWatcher> started = new CompletableFuture<>();
        executor.execute(BackgroundTask.of(p -> ProjectWatcher.start(root, changed -> onChange.run(),
                Platform::runLater)).onSuccess(started::complete));
        return () -> started.thenAccept(w -> {
            if (w != null) {
                w.close();
            }
        });
    }

    /** The window icon, from the PNGs made from {@code icons/redline.svg}; a missing one is skipped. */
    private static void addIcons(Stage stage) {
        if (!stage.getIcons().isEmpty()) {
            return;
        }
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var url = Workbench.class.getResource("icons/redline-" + size + ".png");
            if (url != null) {
                stage.getIcons().add(new Image(url.toExternalForm()));
            }
        }
    }

    /** File › Open Sample Project: copies the bundled sample into a new temporary folder, then opens it. */
    public void openSample() {
        model.project().noticeProperty().set(Notice.info("Copying the sample project…"));
        executor.execute(BackgroundTask.of(p -> SampleProject.extractToTemp())
                .onSuccess(dir -> {
                    model.project().noticeProperty().set(null);
                    model.openProject(dir);
                })
                .onFailure(e -> model.project().noticeProperty().set(Notice.error(
                        "Cannot copy the sample project: " + e.getMessage()))));
    }

    public void open(Path project) {
        model.openProject(project);
    }

    public WorkbenchViewModel model() {
        return model;
    }

    public SignOffViewModel signOff() {
        return signOff;
    }

    public DryRunViewModel dryRun() {
        return dryRun;
    }

    public WorkbenchView view() {
        return view;
    }

    private void dispose() {
        dryRun.cancel(); // rolls back and stops the scratch server before the workers go
        view.editor().dispose();
        executor.shutdown();
    }
}

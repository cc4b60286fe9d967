package dev.redline.ui;

import dev.redline.ui.project.ConfigDirectory;
import dev.redline.ui.project.WorkbenchSettings;
import dev.redline.ui.task.FxTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The workbench application. Its first unnamed parameter, when given, is the project folder (or .sql file) to open.
 * Started by the launcher {@code dev.redline.Redline} through {@link #launchWorkbench}.
 */
public final class RedlineApp extends Application {

    private WorkbenchSettings settings;

    /** Starts the JavaFX toolkit and shows the workbench; returns when the last window closes. */
    public static void launchWorkbench(String[] args) {
        Application.launch(RedlineApp.class, args);
    }

    /** Runs on the launcher thread, so reading the settings file never holds up the FX thread. */
    @Override
    public void init() {
        settings = WorkbenchSettings.load(ConfigDirectory.resolve());
    }

    @Override
    public void start(Stage stage) {
        Workbench workbench = Workbench.create(stage, new FxTaskExecutor(), settings);
        stage.show();
        projectArgument(getParameters().getUnnamed()).ifPresent(workbench::open);
    }

    static java.util.Optional<Path> projectArgument(List<String> unnamed) {
        return unnamed.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(Path.of(unnamed.get(0)).toAbsolutePath().normalize());
    }
}

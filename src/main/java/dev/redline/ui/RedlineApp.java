package dev.redline.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The workbench window. For now a plain window naming the project it was opened on. */
public final class RedlineApp extends Application {

    /** Starts the JavaFX toolkit and shows the workbench; returns when the last window closes. */
    public static void launchWorkbench(String[] args) {
        Application.launch(RedlineApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Label project = new Label(projectText(getParameters().getUnnamed()));
        project.setWrapText(true);
        StackPane root = new StackPane(project);
        root.setPadding(new Insets(24));
        stage.setTitle("Redline");
        stage.setScene(new Scene(root, 960, 640));
        stage.show();
    }

    static String projectText(List<String> unnamed) {
        if (unnamed.isEmpty()) {
            return "No project open";
        }
        return Path.of(unnamed.get(0)).toAbsolutePath().normalize().toString();
    }
}

package dev.redline.ui;

import dev.redline.ui.checklist.ReviewPane;
import dev.redline.ui.dialog.Notice;
import dev.redline.ui.editor.SqlEditorView;
import dev.redline.ui.migrations.MigrationListView;
import dev.redline.ui.project.ProjectSummaryView;
import dev.redline.ui.project.ProjectViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The window's layout: menus, the project summary, a banner for project-level notices, the three panes (migrations,
 * editor, review) and a status bar with the analysis progress and a cancel button. Dropping a folder anywhere on it
 * opens that folder.
 */
public final class WorkbenchView extends BorderPane {

    private final WorkbenchViewModel model;
    private final MigrationListView list;
    private final SqlEditorView editor;
    private final ReviewPane review;
    private final SplitPane panes;
    private final Menu recentMenu = new Menu("Open Recent");
    private Runnable quit = () -> { };

    public WorkbenchView(WorkbenchViewModel model) {
        this.model = model;
        getStyleClass().add("workbench");
        getStylesheets().add(WorkbenchView.class.getResource("workbench.css").toExternalForm());

        list = new MigrationListView(model.migrations());
        editor = new SqlEditorView(model.editor());
        review = new ReviewPane(model.checklist());
        list.setOnEnter(editor::focusEditor);
        model.project().rootProperty().addListener((o, was, root) -> list.setPlaceholderText(root == null ? ""
                : "No migrations in " + root.getFileName() + ".\nOpen another folder (Ctrl+O), or drop one here."));
        list.setMinWidth(220);
        review.setMinWidth(280);
        editor.setMinWidth(300);

        panes = new SplitPane(list, editor, review);
        panes.setDividerPositions(0.24, 0.70);
        SplitPane.setResizableWithParent(list, false);
        SplitPane.setResizableWithParent(review, false);

        ProjectSummaryView summary = new ProjectSummaryView(model.project(), model.migrations(), model::nextToReview);
        setTop(new VBox(menuBar(), summary, noticeBanner()));
        setCenter(panes);
        setBottom(statusBar());
        acceptDroppedFolders();
    }

    /** What File › Quit does (the window's close request). */
    public void setOnQuit(Runnable action) {
        this.quit = action;
    }

    private MenuBar menuBar() {
        MenuItem open = item("Open Project Folder…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                model::chooseProject);
        open.setId("openProjectItem");
        model.project().recentProjects().addListener((ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
        MenuItem save = item("Save", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                model.editor()::save);
        save.setId("saveItem");
        save.disableProperty().bind(model.editor().dirtyProperty().not());
        MenuItem refresh = item("Re-analyse", new KeyCodeCombination(KeyCode.F5), model::refresh);
        refresh.setId("refreshItem");
        MenuItem quitItem = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                () -> quit.run());
        Menu file = new Menu("File", null, open, recentMenu, new SeparatorMenuItem(), save, refresh,
                new SeparatorMenuItem(), quitItem);

        // The editor handles its own undo keys; the menu items are for discovery and the mouse.
        MenuItem undo = new MenuItem("Undo    (Ctrl+Z)");
        undo.setOnAction(e -> editor.area().undo());
        MenuItem redo = new MenuItem("Redo    (Ctrl+Shift+Z)");
        redo.setOnAction(e -> editor.area().redo());
        MenuItem filter = item("Filter Migrations", new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
                list::focusFilter);
        Menu edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), filter);

        CheckMenuItem dark = new CheckMenuItem("Dark Theme");
        dark.setId("darkThemeItem");
        dark.selectedProperty().bindBidirectional(model.darkProperty());
        MenuItem next = item("Next Migration to Review", new KeyCodeCombination(KeyCode.F8), model::nextToReview);
        Menu view = new Menu("View", null, dark, new SeparatorMenuItem(), next);

        MenuBar bar = new MenuBar(file, edit, view);
        bar.setId("menuBar");
        return bar;
    }

    private static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(accelerator);
        item.setOnAction(e -> action.run());
        return item;
    }

    private void fillRecent() {
        List<Path> recent = model.project().recentProjects();
        recentMenu.getItems().clear();
        for (Path p : recent) {
            MenuItem item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> model.openProject(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recent.isEmpty());
    }

    private HBox noticeBanner() {
        ProjectViewModel project = model.project();
        Label text = new Label();
        text.setId("noticeText");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button dismiss = new Button("✕");
        dismiss.getStyleClass().add("flat");
        dismiss.setOnAction(e -> project.noticeProperty().set(null));
        HBox banner = new HBox(text, dismiss);
        banner.setId("noticeBanner");
        banner.getStyleClass().add("notice-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        Runnable update = () -> {
            Notice n = project.noticeProperty().get();
            banner.getStyleClass().removeIf(c -> c.startsWith("notice-") && !c.equals("notice-banner"));
            banner.setVisible(n != null);
            banner.setManaged(n != null);
            if (n != null) {
                text.setText(n.text());
                banner.getStyleClass().add(n.kind().styleClass());
            }
        };
        project.noticeProperty().addListener((o, was, now) -> update.run());
        update.run();
        return banner;
    }

    private HBox statusBar() {
        ProjectViewModel project = model.project();
        Label message = new Label();
        message.setId("progressMessage");
        message.textProperty().bind(project.progressMessageProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("progressBar");
        bar.setPrefWidth(160);
        bar.progressProperty().bind(project.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelButton");
        cancel.getStyleClass().add("small");
        cancel.setOnAction(e -> project.cancel());
        for (var n : List.of(bar, cancel)) {
            n.visibleProperty().bind(project.busyProperty());
            n.managedProperty().bind(project.busyProperty());
        }
        Label caret = new Label();
        caret.setId("caretPosition");
        var area = editor.area();
        Runnable where = () -> caret.setText(model.editor().migrationProperty().get() == null ? ""
                : "Ln " + (area.getCurrentParagraph() + 1) + ", Col " + (area.getCaretColumn() + 1));
        area.caretPositionProperty().addListener((o, was, now) -> where.run());
        model.editor().migrationProperty().addListener((o, was, now) -> where.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox status = new HBox(message, bar, cancel, spacer, caret);
        status.setId("statusBar");
        status.getStyleClass().add("status-bar");
        status.setAlignment(Pos.CENTER_LEFT);
        return status;
    }

    private void acceptDroppedFolders() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) {
                model.openProject(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    public MigrationListView migrationList() {
        return list;
    }

    public SqlEditorView editor() {
        return editor;
    }

    public ReviewPane review() {
        return review;
    }

    public SplitPane panes() {
        return panes;
    }
}

package dev.redline.ui;

import dev.redline.ui.checklist.ReviewPane;
import dev.redline.ui.dialog.Notice;
import dev.redline.ui.dryrun.DryRunDialog;
import dev.redline.ui.dryrun.DryRunResultsView;
import dev.redline.ui.dryrun.DryRunTarget;
import dev.redline.ui.dryrun.DryRunViewModel;
import dev.redline.ui.editor.SqlEditorView;
import dev.redline.ui.migrations.MigrationListView;
import dev.redline.ui.project.ProjectSummaryView;
import dev.redline.ui.project.ProjectViewModel;
import dev.redline.ui.signoff.SignOffDialog;
import dev.redline.ui.signoff.SignOffRequest;
import dev.redline.ui.signoff.SignOffViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
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
    private Runnable openSample = () -> { };

    private final DryRunViewModel dryRun;
    private final DryRunResultsView dryRunResults;
    private final SplitPane editorColumn;

    private final SignOffViewModel signOff;

    public WorkbenchView(WorkbenchViewModel model, DryRunViewModel dryRun, SignOffViewModel signOff) {
        this.model = model;
        this.dryRun = dryRun;
        this.signOff = signOff;
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

        dryRunResults = new DryRunResultsView(dryRun);
        dryRunResults.setMinHeight(120);
        editorColumn = new SplitPane(editor);
        editorColumn.setOrientation(Orientation.VERTICAL);
        editorColumn.setMinWidth(300);
        wireDryRun();
        wireSignOff();

        panes = new SplitPane(list, editorColumn, review);
        panes.setDividerPositions(0.24, 0.70);
        SplitPane.setResizableWithParent(list, false);
        SplitPane.setResizableWithParent(review, false);

        ProjectSummaryView summary = new ProjectSummaryView(model.project(), model.migrations(), model::nextToReview);
        setTop(new VBox(menuBar(), summary, noticeBanner()));
        setCenter(panes);
        setBottom(statusBar());
        acceptDroppedFolders();
    }

    private void wireDryRun() {
        Button button = review.dryRunButton();
        button.disableProperty().bind(model.editor().migrationProperty().isNull().or(dryRun.runningProperty()));
        button.setOnAction(e -> openDryRun());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (RUN_KEY.match(e)) {
                e.consume();
                openDryRun();
            }
        });
        Runnable showResults = () -> {
            if (!editorColumn.getItems().contains(dryRunResults)) {
                editorColumn.getItems().add(dryRunResults);
                editorColumn.setDividerPositions(0.6);
            }
        };
        dryRun.runningProperty().addListener((o, was, now) -> {
            if (now) {
                showResults.run();
            }
        });
        dryRun.resultProperty().addListener((o, was, now) -> markErrors());
        dryRun.setTargetConfirmation(what -> {
            CompletableFuture<Boolean> answer = new CompletableFuture<>();
            Platform.runLater(() -> {
                Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Connected to " + what
                        + ".\n\nRun the migration there in a transaction that is rolled back?", DryRunDialog.RUN,
                        ButtonType.CANCEL);
                ask.setHeaderText("Dry-run on this database?");
                ask.getDialogPane().setId("dryRunConfirmTarget");
                ownByWindow(ask);
                ask.setOnHidden(e -> answer.complete(ask.getResult() == DryRunDialog.RUN));
                ask.show();
            });
            return answer;
        });
        model.editor().migrationProperty().addListener((o, was, now) -> markErrors());
        model.editor().textLoadProperty().addListener((o, was, now) -> markErrors()); // after the editor took it
    }

    private void wireSignOff() {
        Button button = review.signOffButton();
        button.disableProperty().bind(model.editor().migrationProperty().isNull()
                .or(model.checklist().tickedProperty().lessThan(6)).or(signOff.busyProperty()));
        button.setOnAction(e -> openSignOff());
        review.copyMarkdownButton().disableProperty().bind(model.editor().migrationProperty().isNull());
        review.copyMarkdownButton().setOnAction(e -> {
            var migration = model.editor().migrationProperty().get();
            if (migration != null) {
                signOff.markdown(migration.file(), md -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(md);
                    Clipboard.getSystemClipboard().setContent(content);
                });
            }
        });
        review.signOffStatus().textProperty().bind(signOff.statusProperty());
        model.project().analysisProperty().addListener((o, was, now) -> signOff.analysed(now));
        if (model.project().analysis() != null) {
            signOff.analysed(model.project().analysis());
        }
    }

    /** Opens the sign-off dialog for the selected migration; the review is recorded when the user confirms. */
    public void openSignOff() {
        var migration = model.editor().migrationProperty().get();
        if (migration == null || signOff.busyProperty().get()) {
            return;
        }
        SignOffDialog dialog = new SignOffDialog(migration.file(), model.checklist().points(),
                signOff.defaultReviewerProperty().get(), dryRun.reportFor(migration.file()));
        if (model.editor().isDirty()) {
            dialog.setHeaderText(dialog.getHeaderText() + "\nThe review covers the file as saved: save your edits "
                    + "first (Ctrl+S).");
        }
        ownByWindow(dialog);
        dialog.setOnHidden(e -> {
            SignOffRequest request = dialog.getResult();
            if (request != null) {
                signOff.signOff(request, ok -> { });
            }
        });
        dialog.show();
    }

    private static final KeyCombination RUN_KEY = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    /** Opens the target picker for the selected migration; the dry-run starts when the user picks one. */
    public void openDryRun() {
        var migration = model.editor().migrationProperty().get();
        Path root = model.project().root();
        if (migration == null || root == null || dryRun.isRunning()) {
            return;
        }
        DryRunDialog dialog = new DryRunDialog(migration.file().getFileName().toString(), dryRun);
        if (model.editor().isDirty()) {
            dialog.setHeaderText(dialog.getHeaderText() + "\nIt runs the file as saved: save your edits first (Ctrl+S) "
                    + "to include them.");
        }
        ownByWindow(dialog);
        dialog.setOnHidden(e -> {
            DryRunTarget target = dialog.getResult();
            if (target != null) {
                dryRun.start(root, migration.file(), target);
            }
        });
        dialog.show();
    }

    /** Lets the window own a dialog, so that it stays in front of the window and goes with it. */
    private void ownByWindow(Dialog<?> dialog) {
        if (getScene() != null && getScene().getWindow() != null) {
            dialog.initOwner(getScene().getWindow());
        }
    }

    /** Marks the lines of the statements that failed in the last dry-run of the shown file. */
    private void markErrors() {
        var migration = model.editor().migrationProperty().get();
        editor.markDryRunErrors(migration == null ? List.of() : dryRun.errorLines(migration.file()));
    }

    public DryRunResultsView dryRunResults() {
        return dryRunResults;
    }

    /** What File › Open Sample Project does. */
    public void setOnOpenSample(Runnable action) {
        this.openSample = action;
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
        MenuItem sample = new MenuItem("Open Sample Project");
        sample.setId("openSampleItem");
        sample.setOnAction(e -> openSample.run());
        Menu file = new Menu("File", null, open, recentMenu, sample, new SeparatorMenuItem(), save, refresh,
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

        MenuItem dryRunItem = new MenuItem("Dry Run…    (Ctrl+Enter)");
        dryRunItem.setId("dryRunItem");
        dryRunItem.setOnAction(e -> openDryRun());
        dryRunItem.disableProperty().bind(review.dryRunButton().disableProperty());
        MenuItem signOffItem = new MenuItem("Sign Off…");
        signOffItem.setId("signOffItem");
        signOffItem.setOnAction(e -> openSignOff());
        signOffItem.disableProperty().bind(review.signOffButton().disableProperty());
        Menu reviewMenu = new Menu("Review", null, dryRunItem, signOffItem);

        MenuBar bar = new MenuBar(file, edit, view, reviewMenu);
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

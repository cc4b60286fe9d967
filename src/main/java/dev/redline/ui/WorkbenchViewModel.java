package dev.redline.ui;

import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.model.Migration;
import dev.redline.ui.checklist.ChecklistViewModel;
import dev.redline.ui.dialog.DialogService;
import dev.redline.ui.editor.EditorViewModel;
import dev.redline.ui.migrations.MigrationEntry;
import dev.redline.ui.migrations.MigrationListViewModel;
import dev.redline.ui.project.ProjectViewModel;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.SetChangeListener;

/**
 * Ties the panes together: a project's analysis fills the list; the selected migration goes to the editor; the
 * editor's (live) analysis goes to the checklist and the list's badge; saving or a change on disk re-analyses the
 * project. Also the window-level actions: open a project (asking about unsaved edits first), re-analyse, next
 * migration to review, theme, and whether the window may close.
 */
public final class WorkbenchViewModel {

    private final ProjectViewModel project;
    private final MigrationListViewModel migrations;
    private final EditorViewModel editor;
    private final ChecklistViewModel checklist;
    private final DialogService dialogs;
    private final FolderWatch folderWatch;
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper("Redline");
    private Path shownRoot;
    private AutoCloseable watching;

    public WorkbenchViewModel(ProjectViewModel project, MigrationListViewModel migrations, EditorViewModel editor,
                              DialogService dialogs, FolderWatch folderWatch) {
        this.project = project;
        this.migrations = migrations;
        this.editor = editor;
        this.checklist = new ChecklistViewModel(editor::reveal);
        this.dialogs = dialogs;
        this.folderWatch = folderWatch;

        dark.set(project.settings().dark());
        dark.addListener((o, was, now) -> {
            project.settings().setDark(now);
            project.saveSettings();
        });
        project.analysisProperty().addListener((o, was, now) -> projectAnalysed(now));
        migrations.selectedProperty().addListener((o, was, now) -> show(now));
        editor.analysisProperty().addListener((o, was, now) -> checklist.show(now));
        editor.setOnLiveAnalysis(migrations::replace);
        editor.setOnSaved(file -> project.refresh());
        editor.unsavedFiles().addListener((SetChangeListener<Path>) c ->
                migrations.setUnsavedFiles(editor.unsavedFiles()));
        editor.titleProperty().addListener((o, was, now) -> updateTitle());
    }

    private void projectAnalysed(ProjectAnalysis analysis) {
        if (analysis == null) {
            return;
        }
        boolean sameProject = analysis.root().equals(shownRoot);
        shownRoot = analysis.root();
        migrations.setProject(analysis);
        if (sameProject) {
            editor.projectRefreshed(analysis, migrations::setOf);
            if (editor.isDirty() && editor.analysis() != null) {
                migrations.replace(editor.analysis()); // the list shows the edited text's verdict, as the editor does
            }
            Migration selected = migrations.selected();
            if (selected != null && editor.analysis() == null) {
                show(selected);
            }
        } else {
            editor.discardAll();
            migrations.select(null);
            watch(analysis.root());
            Optional<MigrationEntry> first = migrations.nextNeedingReview()
                    .or(() -> migrations.entries().stream().findFirst());
            first.ifPresent(e -> migrations.select(e.migration()));
        }
        updateTitle();
    }

    private void watch(Path root) {
        closeWatch();
        watching = folderWatch.watch(root, project::refresh);
    }

    private void closeWatch() {
        if (watching != null) {
            try {
                watching.close();
            } catch (Exception e) {
                // a watcher that will not close is a daemon thread; nothing else to do
            }
            watching = null;
        }
    }

    private void show(Migration m) {
        if (m == null) {
            return;
        }
        migrations.entry(m).ifPresent(e -> editor.open(e.analysis(), migrations.setOf(m).orElse(null)));
    }

    private void updateTitle() {
        Path root = project.root();
        String editing = editor.titleProperty().get();
        windowTitle.set("Redline" + (root == null ? "" : " — " + root.getFileName())
                + (editing.isEmpty() ? "" : " — " + editing));
    }

    /** Opens a project folder, first asking what to do with unsaved edits of the current one. */
    public void openProject(Path folder) {
        whenEditsSettled(() -> project.open(folder));
    }

    /** File › Open Project Folder…: asks for a folder, then opens it. */
    public void chooseProject() {
        Path start = project.root() != null ? project.root().toAbsolutePath().getParent() : null;
        dialogs.chooseProjectFolder(start).ifPresent(this::openProject);
    }

    /** F5: analyses the project again, and the editor's text with it. */
    public void refresh() {
        project.refresh();
        editor.reanalyse();
    }

    public void nextToReview() {
        migrations.selectNextNeedingReview();
    }

    /**
     * Whether the window may close now. With unsaved edits the user is asked; if they choose to save, the saves run
     * and {@code close} is called once all succeeded (this returns false meanwhile).
     */
    public boolean requestClose(Runnable close) {
        if (!editor.hasUnsavedEdits()) {
            shutdown();
            return true;
        }
        switch (dialogs.askAboutUnsaved(unsavedQuestion())) {
            case SAVE -> editor.saveAll(ok -> {
                if (ok) {
                    shutdown();
                    close.run();
                }
            });
            case DISCARD -> {
                shutdown();
                return true;
            }
            default -> { }
        }
        return false;
    }

    private void whenEditsSettled(Runnable then) {
        if (!editor.hasUnsavedEdits()) {
            then.run();
            return;
        }
        switch (dialogs.askAboutUnsaved(unsavedQuestion())) {
            case SAVE -> editor.saveAll(ok -> {
                if (ok) {
                    then.run();
                }
            });
            case DISCARD -> {
                editor.discardAll();
                then.run();
            }
            default -> { }
        }
    }

    private String unsavedQuestion() {
        int n = editor.unsavedFiles().size();
        return n == 1 ? editor.unsavedFiles().iterator().next().getFileName() + " has unsaved edits."
                : n + " files have unsaved edits.";
    }

    private void shutdown() {
        closeWatch();
    }

    public ProjectViewModel project() {
        return project;
    }

    public MigrationListViewModel migrations() {
        return migrations;
    }

    public EditorViewModel editor() {
        return editor;
    }

    public ChecklistViewModel checklist() {
        return checklist;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public ReadOnlyStringProperty windowTitleProperty() {
        return windowTitle.getReadOnlyProperty();
    }
}

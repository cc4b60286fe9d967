package dev.redline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.analysis.ProjectAnalyzer;
import dev.redline.ui.dialog.DialogService;
import dev.redline.ui.editor.EditorViewModel;
import dev.redline.ui.migrations.MigrationListViewModel;
import dev.redline.ui.migrations.MigrationStatus;
import dev.redline.ui.project.ProjectViewModel;
import dev.redline.ui.project.WorkbenchSettings;
import dev.redline.ui.task.CurrentThreadTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The panes wired together, and the window-level actions, driven without a window. */
class WorkbenchViewModelTest {

    @TempDir
    Path dir;

    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<Path> watched = new ArrayList<>();
    private final List<Runnable> watchCallbacks = new ArrayList<>();
    private WorkbenchViewModel workbench;
    private Path shop;

    static final class FakeDialogs implements DialogService {
        UnsavedChoice answer = UnsavedChoice.CANCEL;
        int asked;
        Path chosen;

        @Override
        public Optional<Path> chooseProjectFolder(Path initial) {
            return Optional.ofNullable(chosen);
        }

        @Override
        public UnsavedChoice askAboutUnsaved(String what) {
            asked++;
            return answer;
        }
    }

    @BeforeEach
    void create() {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        ProjectAnalyzer analyzer = new ProjectAnalyzer();
        ProjectViewModel project = new ProjectViewModel(analyzer, executor,
                WorkbenchSettings.load(dir.resolve("config")));
        FolderWatch watch = (root, onChange) -> {
            watched.add(root);
            watchCallbacks.add(onChange);
            return () -> { };
        };
        workbench = new WorkbenchViewModel(project, new MigrationListViewModel(),
                new EditorViewModel(analyzer, executor), dialogs, watch);
        shop = ShopFixture.copyTo(dir);
    }

    @Test
    void openingSelectsTheFirstMigrationNeedingReviewAndShowsIt() {
        workbench.openProject(shop);
        assertEquals(ShopFixture.V2, workbench.migrations().selected().relativePath());
        assertEquals(ShopFixture.V2, workbench.editor().migrationProperty().get().relativePath());
        assertEquals("4 findings: 2 destructive, 1 risky, 1 info", workbench.checklist().headingProperty().get());
        assertTrue(workbench.checklist().point(1).isFlagged());
        assertEquals(List.of(shop.toAbsolutePath().normalize()), watched);
        assertTrue(workbench.windowTitleProperty().get().startsWith("Redline — shop — " + ShopFixture.V2));
    }

    @Test
    void aProjectWhereNothingNeedsReviewShowsItsFirstMigration() throws IOException {
        Path calm = Files.createDirectories(dir.resolve("calm"));
        Files.writeString(calm.resolve("001_create.sql"), "CREATE TABLE a (id int);\n");
        Files.writeString(calm.resolve("002_more.sql"), "CREATE TABLE b (id int);\n");
        workbench.openProject(calm);
        assertEquals("001_create.sql", workbench.editor().migrationProperty().get().relativePath());
        assertEquals("No findings", workbench.checklist().headingProperty().get());
    }

    @Test
    void selectingAMigrationShowsItInTheEditorAndChecklist() {
        workbench.openProject(shop);
        workbench.migrations().select(workbench.migrations().entries().get(3).migration());
        assertEquals(ShopFixture.V4, workbench.editor().migrationProperty().get().relativePath());
        assertTrue(workbench.checklist().point(4).isFlagged());
    }

    @Test
    void liveEditsUpdateTheBadgeAndSavingReanalysesTheProject() throws IOException {
        workbench.openProject(shop);
        workbench.migrations().select(workbench.migrations().entries().get(2).migration()); // V3, safe
        EditorViewModel editor = workbench.editor();
        editor.touched();
        editor.edited(editor.text() + "DROP TABLE orders;\n");
        assertEquals(MigrationStatus.DESTRUCTIVE, workbench.migrations().entries().get(2).status());
        assertTrue(workbench.migrations().entries().get(2).unsaved());
        editor.save();
        assertFalse(workbench.migrations().entries().get(2).unsaved());
        assertEquals(MigrationStatus.DESTRUCTIVE, workbench.migrations().entries().get(2).status());
        assertTrue(Files.readString(shop.resolve(ShopFixture.V3)).endsWith("DROP TABLE orders;\n"));
        // V4 renames orders.status: after V3 drops orders, its verdict is re-judged against the new schema
        assertNotNull(workbench.migrations().entries().get(3).analysis());
    }

    @Test
    void aChangeOnDiskReportedByTheWatcherReloadsTheEditor() throws IOException {
        workbench.openProject(shop);
        Files.writeString(shop.resolve(ShopFixture.V2), "-- rewritten by an agent\nSELECT 1;\n");
        watchCallbacks.get(0).run();
        assertEquals("-- rewritten by an agent\nSELECT 1;\n", workbench.editor().text());
        assertEquals(MigrationStatus.SAFE, workbench.migrations().entries().get(1).status());
        assertEquals(ShopFixture.V2, workbench.migrations().selected().relativePath(), "selection kept");
    }

    @Test
    void openingAnotherProjectAsksAboutUnsavedEdits() throws IOException {
        workbench.openProject(shop);
        EditorViewModel editor = workbench.editor();
        editor.touched();
        editor.edited(editor.text() + "-- mine\n");
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("001_x.sql"), "DROP TABLE t;\n");

        dialogs.answer = DialogService.UnsavedChoice.CANCEL;
        workbench.openProject(other);
        assertEquals(1, dialogs.asked);
        assertEquals(shop.toAbsolutePath().normalize(), workbench.project().root());
        assertTrue(editor.isDirty());

        dialogs.answer = DialogService.UnsavedChoice.SAVE;
        workbench.openProject(other);
        assertEquals(other.toAbsolutePath().normalize(), workbench.project().root());
        assertTrue(Files.readString(shop.resolve(ShopFixture.V2)).endsWith("-- mine\n"));
        assertEquals("001_x.sql", workbench.editor().migrationProperty().get().relativePath());
    }

    @Test
    void closingWithUnsavedEditsAsksAndCanBeCancelled() {
        workbench.openProject(shop);
        assertTrue(workbench.requestClose(() -> { }), "nothing unsaved: close at once");
        EditorViewModel editor = workbench.editor();
        editor.touched();
        editor.edited(editor.text() + "-- mine\n");
        dialogs.answer = DialogService.UnsavedChoice.CANCEL;
        assertFalse(workbench.requestClose(() -> { }));
        dialogs.answer = DialogService.UnsavedChoice.DISCARD;
        assertTrue(workbench.requestClose(() -> { }));
        dialogs.answer = DialogService.UnsavedChoice.SAVE;
        boolean[] closed = {false};
        assertFalse(workbench.requestClose(() -> closed[0] = true));
        assertTrue(closed[0], "closed once saved");
    }

    @Test
    void chooseProjectOpensTheChosenFolder() {
        dialogs.chosen = shop;
        workbench.chooseProject();
        assertEquals(4, workbench.migrations().entries().size());
    }

    @Test
    void themeChoiceIsRemembered() throws IOException {
        workbench.darkProperty().set(true);
        assertTrue(WorkbenchSettings.load(dir.resolve("config")).dark());
        workbench.darkProperty().set(false);
        assertFalse(WorkbenchSettings.load(dir.resolve("config")).dark());
    }

    @Test
    void nextToReviewMovesThroughTheProject() {
        workbench.openProject(shop);
        workbench.nextToReview();
        assertEquals(ShopFixture.V4, workbench.editor().migrationProperty().get().relativePath());
    }
}

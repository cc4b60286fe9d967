package dev.redline.ui.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.analysis.ProjectAnalyzer;
import dev.redline.ui.ShopFixture;
import dev.redline.ui.dialog.Notice;
import dev.redline.ui.task.BackgroundTask;
import dev.redline.ui.task.CurrentThreadTaskExecutor;
import dev.redline.ui.task.TaskExecutor;
import dev.redline.ui.task.TaskHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, refreshing and failing to open projects, and the recent list — without a window. */
class ProjectViewModelTest {

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    private ProjectViewModel model(TaskExecutor tasks) {
        return new ProjectViewModel(new ProjectAnalyzer(), tasks, WorkbenchSettings.load(dir.resolve("config")));
    }

    @Test
    void openingAnalysesTheProjectAndRemembersIt() throws IOException {
        ProjectViewModel project = model(executor);
        Path shop = ShopFixture.copyTo(dir);
        project.open(shop);
        assertEquals(4, project.analysis().migrations().size());
        assertEquals(shop.toAbsolutePath().normalize(), project.root());
        assertFalse(project.busyProperty().get());
        assertNull(project.noticeProperty().get());
        assertEquals(List.of(shop.toAbsolutePath().normalize()), project.recentProjects());
        String saved = Files.readString(dir.resolve("config/workbench.properties"));
        assertTrue(saved.contains("recent.0="), saved);
        assertEquals(List.of(shop.toAbsolutePath().normalize()),
                WorkbenchSettings.load(dir.resolve("config")).recentProjects(), "persisted");
    }

    @Test
    void aMissingFolderSaysSoAndKeepsTheOpenProject() {
        ProjectViewModel project = model(executor);
        project.open(ShopFixture.copyTo(dir));
        ProjectAnalysis before = project.analysis();
        project.open(dir.resolve("nowhere"));
        assertSame(before, project.analysis());
        Notice notice = project.noticeProperty().get();
        assertEquals(Notice.Kind.ERROR, notice.kind());
        assertTrue(notice.text().contains("does not exist"), notice.text());
        assertEquals(1, project.recentProjects().size());
    }

    @Test
    void aRecentFolderThatIsGoneLeavesTheList() throws IOException {
        ProjectViewModel project = model(executor);
        Path shop = ShopFixture.copyTo(dir);
        Path gone = Files.createDirectories(dir.resolve("gone"));
        project.open(gone);
        project.open(shop);
        assertEquals(2, project.recentProjects().size());
        Files.delete(gone);
        project.open(gone);
        assertEquals(List.of(shop.toAbsolutePath().normalize()), project.recentProjects());
        assertEquals(List.of(shop.toAbsolutePath().normalize()),
                WorkbenchSettings.load(dir.resolve("config")).recentProjects());
    }

    @Test
    void aFolderWithoutMigrationsSaysWhatWasLookedFor() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("README.md"), "nothing here");
        ProjectViewModel project = model(executor);
        project.open(empty);
        assertEquals(0, project.analysis().migrations().size());
        Notice notice = project.noticeProperty().get();
        assertEquals(Notice.Kind.WARNING, notice.kind());
        assertTrue(notice.text().startsWith("No migrations found"), notice.text());
    }

    @Test
    void aFileThatIsNotSqlIsRefused() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        ProjectViewModel project = model(executor);
        project.open(text);
        assertNull(project.analysis());
        assertTrue(project.noticeProperty().get().text().contains("neither a folder nor a .sql file"));
    }

    @Test
    void oneSqlFileOpensAsAProject() throws IOException {
        Path file = Files.writeString(dir.resolve("fix.sql"), "DROP TABLE customers;\n");
        ProjectViewModel project = model(executor);
        project.open(file);
        assertEquals(1, project.analysis().migrations().size());
    }

    /** Holds tasks until the test runs them, to see what happens while an analysis is under way. */
    private static final class ManualExecutor implements TaskExecutor {
        final List<Runnable> queued = new ArrayList<>();
        final List<Boolean> cancelled = new ArrayList<>();

        @Override
        public <T> TaskHandle execute(BackgroundTask<T> task) {
            int index = cancelled.size();
            cancelled.add(false);
            queued.add(() -> {
                try {
                    task.succeeded(task.call(dev.redline.ui.task.Progress.NONE));
                } catch (Exception e) {
                    task.failed(e);
                }
            });
            return () -> cancelled.set(index, true);
        }

        @Override
        public void shutdown() {
        }
    }

    @Test
    void refreshesArriveInBurstsAndRunOnceMore() {
        ManualExecutor manual = new ManualExecutor();
        ProjectViewModel project = model(manual);
        project.open(ShopFixture.copyTo(dir));
        manual.queued.remove(0).run();
        manual.queued.clear(); // the settings save
        project.refresh();
        assertTrue(project.busyProperty().get());
        project.refresh();
        project.refresh();
        assertEquals(1, manual.queued.size(), "no second analysis while one runs");
        manual.queued.remove(0).run();
        assertEquals(1, manual.queued.size(), "one more, for the changes that came meanwhile");
        manual.queued.remove(0).run();
        assertTrue(manual.queued.isEmpty());
        assertFalse(project.busyProperty().get());
    }

    @Test
    void cancelKeepsTheOpenProjectAndDropsTheResult() {
        ManualExecutor manual = new ManualExecutor();
        ProjectViewModel project = model(manual);
        project.open(ShopFixture.copyTo(dir));
        assertTrue(project.busyProperty().get());
        project.cancel();
        assertFalse(project.busyProperty().get());
        assertTrue(manual.cancelled.get(0));
        manual.queued.remove(0).run(); // the work finishes anyway: its result is ignored
        assertNull(project.analysis());
        assertEquals(Notice.Kind.INFO, project.noticeProperty().get().kind());
    }
}

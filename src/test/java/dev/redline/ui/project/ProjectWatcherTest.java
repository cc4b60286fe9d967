package dev.redline.ui.project;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes made by other programs are reported in batches; our own temporary files are not. */
class ProjectWatcherTest {

    @TempDir
    Path dir;

    @Test
    void reportsChangedFilesInOneBatch() throws IOException, InterruptedException {
        Path folder = Files.createDirectories(dir.resolve("db/migration"));
        Path file = Files.writeString(folder.resolve("V1__a.sql"), "SELECT 1;\n");
        LinkedBlockingQueue<Set<Path>> reports = new LinkedBlockingQueue<>();
        try (ProjectWatcher watcher = ProjectWatcher.start(dir, reports::add, Runnable::run)) {
            assertNotNull(watcher);
            Files.writeString(file, "DROP TABLE a;\n");
            Files.writeString(folder.resolve("V2__b.sql"), "SELECT 2;\n");
            Set<Path> batch = reports.poll(10, TimeUnit.SECONDS);
            assertNotNull(batch, "no report");
            // both may come in one batch, or the second in a next one
            Set<Path> seen = new java.util.HashSet<>(batch);
            Set<Path> more;
            while ((more = reports.poll(1, TimeUnit.SECONDS)) != null) {
                seen.addAll(more);
            }
            assertTrue(seen.contains(file), seen.toString());
            assertTrue(seen.contains(folder.resolve("V2__b.sql")), seen.toString());

            Files.writeString(folder.resolve(".V1__a.sql.123.redline-tmp"), "x");
            Set<Path> ignored = reports.poll(1, TimeUnit.SECONDS);
            assertTrue(ignored == null || ignored.stream().noneMatch(p -> p.toString().endsWith(".redline-tmp")));
        }
    }

    @Test
    void watchesFoldersCreatedLater() throws IOException, InterruptedException {
        LinkedBlockingQueue<Set<Path>> reports = new LinkedBlockingQueue<>();
        try (ProjectWatcher watcher = ProjectWatcher.start(dir, reports::add, Runnable::run)) {
            Path folder = Files.createDirectories(dir.resolve("migrations/2024_init"));
            reports.poll(5, TimeUnit.SECONDS);
            Thread.sleep(200);
            Path up = Files.writeString(folder.resolve("up.sql"), "SELECT 1;\n");
            boolean seen = false;
            Set<Path> batch;
            while (!seen && (batch = reports.poll(5, TimeUnit.SECONDS)) != null) {
                seen = batch.contains(up);
            }
            assertTrue(seen, "a file in a new folder was not reported");
        }
    }
}

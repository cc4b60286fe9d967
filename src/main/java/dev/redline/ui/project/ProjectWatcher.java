package dev.redline.ui.project;

import dev.redline.core.io.AtomicWrite;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Notices files changed under a project by other programs (an agent rewriting a migration, {@code git checkout})
 * and reports them in batches: events arriving within {@link #QUIET_MILLIS} of each other make one report, so a
 * checkout of 200 files re-analyses the project once. Runs on its own daemon thread; reports arrive on the given
 * executor (the FX thread). Folders created later are watched too; the temporary files of our own atomic saves are
 * ignored.
 */
public final class ProjectWatcher implements AutoCloseable {

    static final long QUIET_MILLIS = 300;
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "node_modules", "target", "build", ".idea",
            ".gradle", "vendor");

    private final Path root;
    private final WatchService service;
    private final Thread thread;

    private ProjectWatcher(Path root, WatchService service, Consumer<Set<Path>> onChange, Executor deliver) {
        this.root = root;
        this.service = service;
        this.thread = new Thread(() -> loop(onChange, deliver), "redline-watcher");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching {@code root} (a folder, or a single file's folder). Never throws: a folder that cannot be
     * watched just gives no reports (F5 still re-analyses). Registers every folder of the tree before it returns, so
     * call it off the UI thread.
     */
    public static ProjectWatcher start(Path root, Consumer<Set<Path>> onChange, Executor deliver) {
        Path folder = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
        try {
            ProjectWatcher w = new ProjectWatcher(folder, FileSystems.getDefault().newWatchService(), onChange,
                    deliver);
            w.registerTree(folder);
            w.thread.start();
            return w;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void registerTree(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(folder) && SKIPPED_FOLDERS.contains(String.valueOf(dir.getFileName()))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                            StandardWatchEventKinds.ENTRY_MODIFY);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            // an unreadable folder is simply not watched
        }
    }

    private void loop(Consumer<Set<Path>> onChange, Executor deliver) {
        try {
            while (true) {
                Set<Path> changed = new LinkedHashSet<>();
                WatchKey key = service.take();
                collect(key, changed);
                // keep collecting until the burst is over
                while ((key = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    collect(key, changed);
                }
                if (!changed.isEmpty()) {
                    Set<Path> batch = Set.copyOf(changed);
                    deliver.execute(() -> onChange.accept(batch));
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private void collect(WatchKey key, Set<Path> changed) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                changed.add(root);
                continue;
            }
            Path child = dir.resolve((Path) event.context());
            String name = child.getFileName().toString();
            if (name.endsWith(AtomicWrite.TEMP_SUFFIX)) {
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
                registerTree(child);
            }
            changed.add(child);
        }
        key.reset();
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing left to release
        }
        thread.interrupt();
    }
}

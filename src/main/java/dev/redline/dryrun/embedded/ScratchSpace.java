package dev.redline.dryrun.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The folder under which embedded servers keep their data, one sub-folder per server, and the rule that finds what
 * a crashed process left there.
 *
 * <p>Each server's folder holds {@code owner.lock}, locked by the owning JVM for as long as the server runs (the
 * operating system drops the lock when the process dies, however it dies), and the PostgreSQL data directory
 * {@code data/}. {@link #cleanLeftovers()}, run before every start, removes the folders whose lock nobody holds,
 * after stopping the postmaster a crashed owner may have left running (the one named by {@code postmaster.pid},
 * checked to be that data directory's PostgreSQL by its start time).
 */
public final class ScratchSpace {

    /** System property naming the root folder (default: {@code redline-embedded-USER} in the temp folder). */
    public static final String ROOT_PROPERTY = "redline.embedded.root";
    /** Environment variable naming the root folder, when the property is not set. */
    public static final String ROOT_ENV = "REDLINE_EMBEDDED_DIR";

    static final String LOCK_FILE = "owner.lock";
    static final String DATA_DIR = "data";
    /** A folder with no lock file yet is being created by someone; past this age it is a leftover. */
    private static final Duration UNLOCKED_GRACE = Duration.ofMinutes(2);
    /** Folders this JVM owns: never probed, since closing a channel on a locked file may drop our own lock. */
    private static final Set<Path> OWNED = ConcurrentHashMap.newKeySet();

    private final Path root;

    public ScratchSpace(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The root from {@value #ROOT_PROPERTY}, {@value #ROOT_ENV}, or the temp folder. */
    public static ScratchSpace defaultSpace() {
        return defaultSpace(System.getenv());
    }

    /** The root from {@value #ROOT_PROPERTY}, then {@value #ROOT_ENV} in {@code env}, or the temp folder. */
    public static ScratchSpace defaultSpace(Map<String, String> env) {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = env.get(ROOT_ENV);
        }
        if (configured != null && !configured.isBlank()) {
            return new ScratchSpace(Path.of(configured));
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return new ScratchSpace(Path.of(System.getProperty("java.io.tmpdir"), "redline-embedded-" + user));
    }

    public Path root() {
        return root;
    }

    /**
     * What {@link #cleanLeftovers()} found: a folder of a server whose owner is gone.
     *
     * @param folder        the server's folder
     * @param ownerPid      the process that had started it, as it recorded itself, or {@code null}
     * @param stoppedServer whether a PostgreSQL server was still running on it and was stopped
     * @param removed       whether the folder is gone now
     * @param problem       why it could not be removed, or {@code null}
     */
    public record Leftover(Path folder, Long ownerPid, boolean stoppedServer, boolean removed, String problem) {
    }

    /** Removes every server folder whose owner is gone; returns what was found. */
    public List<Leftover> cleanLeftovers() {
        List<Leftover> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path d : dirs) {
                if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS) && !d.getFileName().toString().startsWith(".")) {
                    children.add(d.toAbsolutePath().normalize());
                }
            }
        } catch (IOException e) {
            return found;
        }
        for (Path dir : children) {
            if (OWNED.contains(dir)) {
                continue;
            }
            Path lockFile = dir.resolve(LOCK_FILE);
            if (!Files.exists(lockFile)) {
                if (olderThan(dir, UNLOCKED_GRACE)) {
                    found.add(remove(dir, null, null));
                }
                continue;
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException ours) {
                    continue;
                }
                if (lock == null) {
                    continue; // its owner is alive
                }
                try {
                    found.add(remove(dir, ownerPid(lockFile), lock));
                } finally {
                    if (lock.isValid()) {
                        lock.release();
                    }
                }
            } catch (NoSuchFileException gone) {
                // removed meanwhile by its owner or another cleaner
            } catch (IOException e) {
                found.add(new Leftover(dir, null, false, false, "cannot lock " + lockFile + ": " + e.getMessage()));
            }
        }
        return found;
    }

    private static Leftover remove(Path dir, Long ownerPid, FileLock held) {
        boolean stopped;
        try {
            stopped = stopOrphanedPostmaster(dir.resolve(DATA_DIR));
        } catch (IllegalStateException e) {
            return new Leftover(dir, ownerPid, false, false, e.getMessage());
        }
        try {
            deleteTree(dir, dir.resolve(LOCK_FILE));
            if (held != null) {
                held.release();
            }
            Files.deleteIfExists(dir.resolve(LOCK_FILE));
            Files.deleteIfExists(dir);
            return new Leftover(dir, ownerPid, stopped, true, null);
        } catch (IOException | UncheckedIOException e) {
            return new Leftover(dir, ownerPid, stopped, false, "cannot delete it: " + e.getMessage());
        }
    }

    /**
     * Stops the postmaster {@code dataDir/postmaster.pid} names if it still runs (SIGTERM, then SIGKILL after five
     * seconds): only when that process started within a few seconds of the time the file records, so a recycled
     * pid is never signalled. Returns whether one was running.
     */
    static boolean stopOrphanedPostmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return false;
        }
        if (lines.size() < 3) {
            return false;
        }
        long pid;
        long startEpoch;
        try {
            pid = Long.parseLong(lines.get(0).trim());
            startEpoch = Long.parseLong(lines.get(2).trim());
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = handle.get().info().startInstant();
        if (started.isPresent() && Math.abs(started.get().getEpochSecond() - startEpoch) > 5) {
            return false; // another process got the pid since
        }
        Optional<String> command = handle.get().info().command();
        if (command.isPresent() && !command.get().toLowerCase(Locale.ROOT).contains("postgres")) {
            return false;
        }
        ProcessHandle p = handle.get();
        p.destroy();
        if (!waitGone(p, 5)) {
            p.destroyForcibly();
            if (!waitGone(p, 5)) {
                throw new IllegalStateException("the PostgreSQL server " + pid + " left running on " + dataDir
                        + " does not stop");
            }
        }
        return true;
    }

    private static boolean waitGone(ProcessHandle p, int seconds) {
        try {
            p.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        } catch (Exception e) {
            return !p.isAlive();
        }
    }

    private static Long ownerPid(Path lockFile) {
        try {
            for (String line : Files.readAllLines(lockFile, StandardCharsets.UTF_8)) {
                if (line.startsWith("pid=")) {
                    return Long.parseLong(line.substring(4).trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // an unreadable record: the folder is still a leftover
        }
        return null;
    }

    private static boolean olderThan(Path dir, Duration age) {
        try {
            return Files.getLastModifiedTime(dir).toInstant().isBefore(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }

    /** A server's folder, locked by this JVM until {@link #release()}. */
    static final class Slot {
        private final Path dir;
        private final FileChannel channel;
        private final FileLock lock;
        private boolean released;

        private Slot(Path dir, FileChannel channel, FileLock lock) {
            this.dir = dir;
            this.channel = channel;
            this.lock = lock;
        }

        Path dir() {
            return dir;
        }

        Path dataDir() {
            return dir.resolve(DATA_DIR);
        }

        /** Deletes the folder and drops the lock. Returns whether the folder is gone. */
        synchronized boolean release() {
            if (released) {
                return !Files.exists(dir);
            }
            released = true;
            boolean gone;
            try {
                deleteTree(dir, dir.resolve(LOCK_FILE));
                gone = true;
            } catch (IOException | UncheckedIOException e) {
                gone = false;
            }
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the channel, and with the process at the latest
            }
            OWNED.remove(dir);
            try {
                Files.deleteIfExists(dir.resolve(LOCK_FILE));
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                gone = false;
            }
            return gone && !Files.exists(dir);
        }
    }

    /** Creates and locks a new server folder. */
    Slot allocate() throws IOException {
        Files.createDirectories(root);
        for (int attempt = 0; ; attempt++) {
            String id = Long.toString(System.currentTimeMillis(), 36) + "-"
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path dir = root.resolve(id);
            try {
                Files.createDirectory(dir);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
                continue;
            }
            OWNED.add(dir);
            FileChannel channel = null;
            try {
                channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, StandardOpenOption.READ);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    throw new IOException("cannot lock " + dir.resolve(LOCK_FILE));
                }
                ProcessHandle self = ProcessHandle.current();
                String record = "pid=" + self.pid() + "\nstarted=" + self.info().startInstant().map(Instant::toString)
                        .orElse("?") + "\nredline embedded PostgreSQL; this folder is deleted when it stops\n";
                channel.write(java.nio.ByteBuffer.wrap(record.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
                return new Slot(dir, channel, lock);
            } catch (IOException | RuntimeException e) {
                OWNED.remove(dir);
                if (channel != null) {
                    channel.close();
                }
                try {
                    deleteTree(dir);
                } catch (IOException | UncheckedIOException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        }
    }

    /** Deletes {@code dir} and everything under it. */
    static void deleteTree(Path dir) throws IOException {
        deleteTree(dir, null);
        Files.deleteIfExists(dir);
    }

    /** Deletes everything under {@code dir} but {@code keep} (and {@code dir} itself). */
    static void deleteTree(Path dir, Path keep) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!file.equals(keep)) {
                    Files.deleteIfExists(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                if (!d.equals(dir)) {
                    Files.deleteIfExists(d);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

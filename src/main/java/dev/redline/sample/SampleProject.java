package dev.redline.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The sample project shipped inside the application (File &gt; Open Sample, {@code redline sample [DIR]}): a small
 * Flyway project whose seed data and last migration show every kind of finding Redline makes.
 *
 * <p>The files live as resources under {@code /dev/redline/sample/} and are listed in its {@code index.txt},
 * because the folders of a jar cannot be listed reliably. Extraction is atomic: the files are written into a hidden
 * folder beside the target and moved into place in one rename, so a project folder is either complete or absent.
 * An existing folder is never overwritten (the user may have edited an earlier copy); the next free name is used.
 */
public final class SampleProject {

    /** The name of the folder {@link #extractTo} creates. */
    public static final String FOLDER_NAME = "redline-sample";

    static final String RESOURCE_ROOT = "/dev/redline/sample/";
    static final String INDEX = "index.txt";
    private static final int MAX_COPIES = 1000;

    private SampleProject() {
    }

    /** The sample's files, relative to its folder with {@code /} separators, in the order of the index. */
    public static List<String> files() {
        try (InputStream in = open(INDEX);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> files = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                if (!isSafeRelative(name)) {
                    throw new IllegalStateException("bad entry in the sample index: " + name);
                }
                files.add(name);
            }
            return List.copyOf(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample project's index", e);
        }
    }

    /**
     * Copies the sample project into a new folder {@code redline-sample} under {@code dir} (created if missing), or
     * {@code redline-sample-2}, {@code -3}, … when that name is taken, and returns the new project folder.
     */
    public static Path extractTo(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().normalize();
        Files.createDirectories(parent);
        Path staging = createStaging(parent);
        try {
            for (String file : files()) {
                Path target = staging.resolve(file);
                Files.createDirectories(target.getParent());
                try (InputStream in = open(file)) {
                    Files.copy(in, target);
                }
            }
            return moveToFreeName(staging, parent);
        } catch (IOException | RuntimeException | Error e) {
            try {
                deleteTree(staging);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Copies the sample project into a fresh folder under the system's temporary folder and returns it. */
    public static Path extractToTemp() throws IOException {
        return extractTo(Files.createTempDirectory("redline-"));
    }

    /**
     * A hidden, uniquely named folder beside the target. Not {@code Files.createTempDirectory}, which makes it
     * private to the user (0700) on POSIX systems: the project folder should get the umask's permissions.
     */
    private static Path createStaging(Path parent) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path staging = parent.resolve("." + FOLDER_NAME + "-" + suffix + ".partial");
            try {
                return Files.createDirectory(staging);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    private static Path moveToFreeName(Path staging, Path parent) throws IOException {
        for (int i = 1; i <= MAX_COPIES; i++) {
            Path target = parent.resolve(i == 1 ? FOLDER_NAME : FOLDER_NAME + "-" + i);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(staging, target);
                }
                return target;
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // Someone took the name between the check and the move: try the next one.
            }
        }
        throw new FileAlreadyExistsException(parent.resolve(FOLDER_NAME).toString(), null,
                "too many copies of the sample project already");
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = SampleProject.class.getResourceAsStream(RESOURCE_ROOT + file);
        if (in == null) {
            throw new IOException("the sample project's " + file + " is missing from the application");
        }
        return in;
    }

    static boolean isSafeRelative(String name) {
        if (name.startsWith("/") || name.contains("\\") || name.contains(":")) {
            return false;
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

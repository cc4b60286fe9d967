package dev.redline.dryrun.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One scratch space for the embedded servers of the whole test JVM, so the cluster template is made once; deleted
 * when the JVM exits. Each test checks that its server left no folder behind ({@link #serverFolders()}).
 */
public final class TestSpace {

    private static ScratchSpace space;

    private TestSpace() {
    }

    public static synchronized ScratchSpace get() {
        if (space == null) {
            try {
                Path root = Files.createTempDirectory("redline-embedded-test");
                space = new ScratchSpace(root);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        ScratchSpace.deleteTree(root);
                    } catch (IOException | UncheckedIOException ignored) {
                        // a temp folder
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return space;
    }

    /** The server folders under the root (the template is not one). */
    public static List<Path> serverFolders() {
        return serverFolders(get().root());
    }

    public static List<Path> serverFolders(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

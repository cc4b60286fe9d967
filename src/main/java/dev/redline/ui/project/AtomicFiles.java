package dev.redline.ui.project;

import dev.redline.core.io.AtomicWrite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Writes a file so that readers (a migration tool, git, another editor) see either the old content or the new,
 * never half of it ({@link AtomicWrite}), keeping the mode the file had.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        AtomicWrite.write(target, bytes, permissionsOf(target));
    }

    /**
     * A new temp file is private (0600); a migration saved through it should keep the mode it had. {@code null}
     * (the temp file's mode) for a new file, or when the mode cannot be read.
     */
    private static Set<PosixFilePermission> permissionsOf(Path file) {
        try {
            return Files.exists(file) ? Files.getPosixFilePermissions(file) : null;
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system, or not ours to read: the default mode will do
            return null;
        }
    }
}

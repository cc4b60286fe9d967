package dev.redline.review;

import dev.redline.core.io.AtomicWrite;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a review file atomically ({@link AtomicWrite}), so that git, the migration tool and a concurrent
 * {@code check} see the old file or the new, never half of one.
 */
final class ReviewFiles {

    /** A temporary file is private (0600); a review is as readable as any other file in the repository. */
    private static final Set<PosixFilePermission> READABLE = Set.copyOf(PosixFilePermissions.fromString("rw-r--r--"));

    private ReviewFiles() {
    }

    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        AtomicWrite.write(target, bytes, READABLE);
    }
}

package dev.redline.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Replaces a file so that its readers (git, a migration tool, a concurrent {@code check}, another editor) see the old
 * content or the new, never half of it: the bytes go to a temporary file in the target's folder, are forced to disk,
 * and the temporary file is moved over the target atomically. Review files, saved migrations, the workbench's
 * settings and the connection profiles are all written this way.
 */
public final class AtomicWrite {

    /**
     * How a temporary file's name ends. With the leading dot ({@code .<target>.<random>.redline-tmp}) the name is
     * outside every migration tool's pattern, and the workbench's folder watcher knows to ignore it.
     */
    public static final String TEMP_SUFFIX = ".redline-tmp";

    private AtomicWrite() {
    }

    /**
     * Writes {@code bytes} to {@code target}, creating its folder when needed.
     *
     * @param permissions the file's POSIX permissions, or {@code null} to keep those of a new temporary file (owner
     *                    only); ignored on a file system without POSIX permissions
     */
    public static void write(Path target, byte[] bytes, Set<PosixFilePermission> permissions) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", TEMP_SUFFIX);
        try {
            if (permissions != null) {
                try {
                    Files.setPosixFilePermissions(temp, permissions);
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system
                }
            }
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

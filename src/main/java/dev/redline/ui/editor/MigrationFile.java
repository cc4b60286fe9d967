package dev.redline.ui.editor;

import dev.redline.core.io.Sha256;
import dev.redline.ui.project.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The editor's disk side: saving a migration unless it changed since it was read, and reading it again. */
final class MigrationFile {

    /**
     * What a save did: wrote {@code text} (its bytes hash to {@code sha}), or found the file changed on disk
     * ({@code conflictSha}, with its text when it is UTF-8) and wrote nothing.
     */
    record Saved(String text, String sha, String conflictSha, String conflictText) {
    }

    private MigrationFile() {
    }

    /** On a worker: compares the disk with what was read ({@code expectedSha}), then writes atomically. */
    static Saved write(Path file, String text, String expectedSha, boolean overwrite) throws IOException {
        if (!overwrite && expectedSha != null) {
            try {
                byte[] now = Files.readAllBytes(file);
                String sha = Sha256.of(now);
                if (!sha.equals(expectedSha)) {
                    return new Saved(text, null, sha, decodeOrNull(now));
                }
            } catch (NoSuchFileException e) {
                // deleted meanwhile: saving re-creates it, which is what the user asked for
            }
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, bytes);
        return new Saved(text, Sha256.of(bytes), null, null);
    }

    /** Why an I/O operation failed, in words for a banner. */
    static String reason(Throwable error) {
        if (error instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (error instanceof NoSuchFileException) {
            return "its folder no longer exists";
        }
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }

    /** The bytes as UTF-8 text, or null when they are not. */
    static String decodeOrNull(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}

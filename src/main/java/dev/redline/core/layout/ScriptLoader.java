package dev.redline.core.layout;

import dev.redline.core.io.Sha256;
import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationScript;
import dev.redline.core.model.ScriptProblem;
import dev.redline.core.model.ScriptSection;
import dev.redline.core.model.Tool;
import dev.redline.core.sql.SourceText;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a migration's file and cuts it into the sections its tool runs. The text is kept exactly as in the file
 * (a BOM stays as U+FEFF, CRLF stays) so offsets match the editor. A file that cannot be judged (unreadable, too
 * large, binary, not UTF-8) comes back with a problem naming it, no source and no sections. Safe to share between
 * threads.
 */
public final class ScriptLoader {

    /** Larger files are not analysed: no hand-written migration is this big, and a dump would stall the UI. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;

    private final FlywayPlaceholders placeholders = new FlywayPlaceholders();

    public MigrationScript load(Migration migration) {
        return load(migration, ReadAhead.NONE);
    }

    /** Loads the migration, taking its bytes from what the detector already read when it has them. */
    public MigrationScript load(Migration migration, ReadAhead readAhead) {
        String name = migration.relativePath();
        Path file = migration.file();
        byte[] bytes = readAhead.take(file);
        if (bytes == null) {
            try {
                long size = Files.size(file);
                if (size > MAX_BYTES) {
                    return unjudged(migration, null, size, tooLarge(name, size));
                }
                bytes = readAtMost(file);
            } catch (IOException e) {
                return unjudged(migration, null, 0, name + " could not be read: " + IoReasons.describe(e));
            }
        }
        if (bytes.length > MAX_BYTES) { // grew since we asked its size
            return unjudged(migration, null, bytes.length, tooLarge(name, bytes.length));
        }
        String sha256 = Sha256.of(bytes);
        String binary = Utf8Text.binaryReason(bytes);
        if (binary != null) {
            return unjudged(migration, sha256, bytes.length,
                    name + " looks like a binary file (" + binary + "), not SQL text; it is not analysed");
        }
        Utf8Text.Decoded decoded = Utf8Text.decode(bytes);
        if (!decoded.ok()) {
            return unjudged(migration, sha256, bytes.length, String.format(Locale.ROOT,
                    "%s is not valid UTF-8: byte 0x%02X at offset %d (line %d); save it as UTF-8 to analyse it",
                    name, decoded.badByte(), decoded.badOffset(), decoded.badLine()));
        }
        return script(migration, sha256, bytes.length, decoded.text());
    }

    /**
     * The script as it would be loaded if its file held {@code text}: the same sections and placeholders. For text
     * being edited and not yet saved; the hash is that of the text's UTF-8 bytes.
     */
    public MigrationScript fromText(Migration migration, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return script(migration, Sha256.of(bytes), bytes.length, text);
    }

    private MigrationScript script(Migration migration, String sha256, long size, String text) {
        String name = migration.relativePath();
        Path file = migration.file();
        List<ScriptProblem> problems = new ArrayList<>();
        List<ScriptSection> sections = switch (migration.tool()) {
            case GOOSE -> {
                GooseSections.Cut cut = GooseSections.cut(text, migration.direction(), name);
                problems.addAll(cut.problems());
                yield cut.sections();
            }
            case DBMATE -> DbmateSections.cut(text, migration.direction());
            default -> List.of(new ScriptSection(0, text.length(), TransactionHints.wholeFile(migration)));
        };
        Map<String, String> values = migration.tool() == Tool.FLYWAY
                ? placeholders.forFolder(file.toAbsolutePath().getParent()) : Map.of();
        return new MigrationScript(migration, sha256, size, new SourceText(text), List.copyOf(sections),
                values, List.copyOf(problems));
    }

    private static MigrationScript unjudged(Migration m, String sha256, long size, String problem) {
        return new MigrationScript(m, sha256, size, null, List.of(), Map.of(),
                List.of(new ScriptProblem(problem, null)));
    }

    private static String tooLarge(String name, long size) {
        return String.format(Locale.ROOT, "%s is %.1f MiB; files over %d MiB are not analysed",
                name, size / (1024.0 * 1024.0), MAX_BYTES / (1024 * 1024));
    }

    /** Reads up to one byte past the limit, so a file that grows while we read cannot exhaust memory. */
    private static byte[] readAtMost(Path file) throws IOException {
        try (InputStream in = new FileInputStream(file.toFile())) { // reads a small file into one array of its size
            return in.readNBytes(MAX_BYTES + 1);
        }
    }
}

package dev.redline.core.model;

import dev.redline.core.sql.SourceText;
import java.util.List;
import java.util.Map;

/**
 * A migration's file as read from disk: its bytes' hash, its text and the sections its tool runs.
 *
 * @param sha256       hex SHA-256 of the file's bytes, or {@code null} when it could not be read
 * @param source       the decoded text, or {@code null} when it could not be read as UTF-8 text
 * @param sections     the regions that belong to this migration's direction, in order
 * @param placeholders Flyway placeholder values from the project's configuration (for display of targets)
 * @param problems     why the file could not be judged, or notes about how it was read
 */
public record MigrationScript(Migration migration, String sha256, long sizeBytes, SourceText source,
                              List<ScriptSection> sections, Map<String, String> placeholders,
                              List<ScriptProblem> problems) {

    public boolean readable() {
        return source != null;
    }
}

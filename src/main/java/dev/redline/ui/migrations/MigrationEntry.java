package dev.redline.ui.migrations;

import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.model.Direction;
import dev.redline.core.model.Migration;
import java.util.Locale;

/**
 * One row of the migration list.
 *
 * @param name    the path inside its set's folder, e.g. {@code 2019-02-26-002946_create_user/up.sql}
 * @param group   the set it belongs to, e.g. {@code diesel: migrations}
 * @param unsaved whether the editor holds edits of its file that are not saved
 */
public record MigrationEntry(MigrationAnalysis analysis, MigrationStatus status, String name, String group,
                             boolean unsaved) {

    public static MigrationEntry of(MigrationAnalysis analysis, String setFolder, boolean unsaved) {
        Migration m = analysis.migration();
        String path = m.relativePath();
        String name = !setFolder.isEmpty() && path.startsWith(setFolder + "/")
                ? path.substring(setFolder.length() + 1) : path;
        if (m.direction() == Direction.DOWN && !name.toLowerCase(Locale.ROOT).matches(".*(down|undo|revert).*")) {
            name = name + " (down)"; // goose and dbmate keep both directions in one file
        }
        return new MigrationEntry(analysis, MigrationStatus.of(analysis), name, m.setLabel(), unsaved);
    }

    public Migration migration() {
        return analysis.migration();
    }

    public MigrationEntry withAnalysis(MigrationAnalysis newer) {
        return new MigrationEntry(newer, MigrationStatus.of(newer), name, group, unsaved);
    }

    public MigrationEntry withUnsaved(boolean value) {
        return new MigrationEntry(analysis, status, name, group, value);
    }

    /** Whether every whitespace-separated term of the filter occurs in the path or the status word. */
    public boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String haystack = (migration().relativePath() + " " + status.label() + (unsaved ? " unsaved" : ""))
                .toLowerCase(Locale.ROOT);
        for (String term : filter.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!haystack.contains(term)) {
                return false;
            }
        }
        return true;
    }
}

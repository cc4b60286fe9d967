package dev.redline.dryrun;

import dev.redline.core.model.Tool;
import java.util.List;

/**
 * What a migration tool's history table on the target says has been applied.
 *
 * @param table   the table read, schema-qualified
 * @param applied the migrations applied, each under the tool's own key (see {@link HistoryTable#keyOf})
 * @param notes   what the reviewer must know about the history itself (a dirty flag, a failed entry, a baseline)
 */
public record History(Tool tool, String table, List<Applied> applied, List<String> notes) {

    public History {
        applied = List.copyOf(applied);
        notes = List.copyOf(notes);
    }

    /**
     * One applied migration.
     *
     * @param checksum what the tool recorded of the file when it ran, or {@code null} when it records nothing
     */
    public record Applied(String key, String checksum) {
    }
}

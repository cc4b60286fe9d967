package dev.redline.core.layout;

import dev.redline.core.analysis.ProjectAnalysis.PathError;
import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationSet;
import java.util.List;

/**
 * The migration sets found under a folder, and the paths that could not be looked at.
 *
 * @param sets    the migration sets, sorted by folder
 * @param errors  folders or files that could not be looked at (unreadable, symbolic link loops, broken links)
 * @param skipped .sql files a tool's layout holds but never runs on PostgreSQL; they are in no set
 */
public record LayoutScan(List<MigrationSet> sets, List<PathError> errors, List<SkippedFile> skipped,
                         ReadAhead readAhead) {

    public LayoutScan {
        sets = List.copyOf(sets);
        errors = List.copyOf(errors);
        skipped = List.copyOf(skipped);
    }

    public LayoutScan(List<MigrationSet> sets, List<PathError> errors) {
        this(sets, errors, List.of(), ReadAhead.NONE);
    }

    /** Every migration of every set, set by set, each in its tool's apply order. */
    public List<Migration> migrations() {
        return sets.stream().flatMap(s -> s.migrations().stream()).toList();
    }
}

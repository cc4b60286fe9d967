package dev.redline.core.analysis;

import dev.redline.core.model.MigrationSet;
import java.nio.file.Path;
import java.util.List;

/**
 * The analysis of every migration found under a folder (or of one file), in apply order.
 *
 * @param errors problems with paths that are not any one migration's (unreadable folders, symlink loops)
 */
public record ProjectAnalysis(Path root, List<MigrationSet> sets, List<MigrationAnalysis> migrations,
                              List<PathError> errors) {

    public record PathError(String path, String message) {
    }
}

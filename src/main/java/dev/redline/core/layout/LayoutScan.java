package dev.redline.core.layout;

import dev.redline.core.analysis.ProjectAnalysis.PathError;
import dev.redline.core.model.MigrationSet;
import java.util.List;

/** The migration sets found under a folder, and the paths that could not be looked at. */
public record LayoutScan(List<MigrationSet> sets, List<PathError> errors) {
}

package dev.redline.cli;

import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.analysis.ProjectAnalyzer;
import java.nio.file.Path;

/** The analysis service {@code check} calls for each PATH: {@link ProjectAnalyzer} in production, a fake in tests. */
@FunctionalInterface
interface PathAnalyzer {

    ProjectAnalysis analyze(Path path, boolean allSql);

    static PathAnalyzer standard() {
        ProjectAnalyzer analyzer = new ProjectAnalyzer();
        return analyzer::analyze;
    }
}

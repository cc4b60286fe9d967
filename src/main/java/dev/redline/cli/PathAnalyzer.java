package dev.redline.cli;

import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.analysis.ProjectAnalyzer;
import dev.redline.core.layout.LayoutScan;
import java.nio.file.Path;

/** The analysis service {@code check} calls for each PATH: {@link ProjectAnalyzer} in production, a fake in tests. */
@FunctionalInterface
interface PathAnalyzer {

    ProjectAnalysis analyze(Path path, boolean allSql);

    /**
     * Finds the migrations under {@code path} ahead of {@link #analyze(Path, LayoutScan)}, so the next PATH can be
     * scanned while this one is analysed; {@code null} when this analyzer does both in {@link #analyze(Path,
     * boolean)}.
     */
    default LayoutScan scan(Path path, boolean allSql) {
        return null;
    }

    /** Analyses the migrations {@link #scan} found (never called when it returned {@code null}). */
    default ProjectAnalysis analyze(Path path, LayoutScan scan) {
        throw new UnsupportedOperationException("this analyzer does not scan ahead");
    }

    static PathAnalyzer standard() {
        ProjectAnalyzer analyzer = new ProjectAnalyzer();
        return new PathAnalyzer() {
            @Override
            public ProjectAnalysis analyze(Path path, boolean allSql) {
                return analyzer.analyze(path, allSql);
            }

            @Override
            public LayoutScan scan(Path path, boolean allSql) {
                return analyzer.scan(path, allSql);
            }

            @Override
            public ProjectAnalysis analyze(Path path, LayoutScan scan) {
                return analyzer.analyze(path, scan);
            }
        };
    }
}

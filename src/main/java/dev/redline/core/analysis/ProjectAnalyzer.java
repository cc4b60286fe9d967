package dev.redline.core.analysis;

import java.nio.file.Path;

/**
 * Analyses a project folder or a single .sql file: finds the migrations, replays the schema in apply order and runs
 * every rule. STUB: being written.
 */
public final class ProjectAnalyzer {

    /**
     * @param path   a project folder or a .sql file
     * @param allSql treat every .sql file under a folder as a plain migration, whatever the layout
     */
    public ProjectAnalysis analyze(Path path, boolean allSql) {
        throw new UnsupportedOperationException("not yet");
    }
}

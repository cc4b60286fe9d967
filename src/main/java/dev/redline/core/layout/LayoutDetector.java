package dev.redline.core.layout;

import java.nio.file.Path;

/** Finds the migration sets of every supported tool under a folder. STUB: being written. */
public final class LayoutDetector {

    /** Detects every migration set under {@code root} (a folder) or the single .sql file {@code root}. */
    public LayoutScan detect(Path root) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Treats every .sql file under {@code root} as a plain migration, ordered by path. */
    public LayoutScan allSql(Path root) {
        throw new UnsupportedOperationException("not yet");
    }
}

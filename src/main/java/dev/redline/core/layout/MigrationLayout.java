package dev.redline.core.layout;

/**
 * How one migration tool lays out its files. Each layout claims the files it recognises among those no earlier
 * layout claimed, so every .sql file ends up in at most one set.
 */
interface MigrationLayout {

    /** Finds this tool's migration sets in the scanned tree and adds them to {@code context}. */
    void detect(DetectionContext context);
}

package dev.redline.core.layout;

import dev.redline.core.analysis.ProjectAnalysis.PathError;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Every folder the walk entered, keyed by relative path, and the paths it could not look at. */
record ScannedTree(Path root, Map<String, ScannedFolder> folders, List<PathError> errors) {

    Collection<ScannedFolder> all() {
        return folders.values();
    }

    /** A subfolder of {@code parent}, or {@code null} when the walk did not enter one by that name. */
    ScannedFolder child(ScannedFolder parent, String name) {
        return folders.get(parent.relOf(name));
    }

    /** Every folder at or below {@code top}. */
    List<ScannedFolder> subtree(ScannedFolder top) {
        String prefix = top.rel().isEmpty() ? "" : top.rel() + "/";
        return folders.values().stream()
                .filter(f -> f.rel().equals(top.rel()) || f.rel().startsWith(prefix))
                .toList();
    }
}

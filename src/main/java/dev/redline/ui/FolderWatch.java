package dev.redline.ui;

import java.nio.file.Path;

/** Starts watching a project folder for changes made by other programs; closing the handle stops it. */
@FunctionalInterface
public interface FolderWatch {

    /** @param onChange runs on the UI thread after a burst of changes */
    AutoCloseable watch(Path root, Runnable onChange);

    FolderWatch NONE = (root, onChange) -> () -> { };
}

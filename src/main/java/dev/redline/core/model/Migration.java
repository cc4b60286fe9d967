package dev.redline.core.model;

import java.nio.file.Path;

/**
 * One migration as its tool sees it: a file (or one direction of a file that holds both, as goose and dbmate
 * do), where it sits in the apply order, and how the tool runs it.
 *
 * @param file         absolute path of the script
 * @param relativePath path relative to the folder the user asked about, with {@code /} separators
 * @param tool         the tool that applies it
 * @param direction    up, or down for down/undo/revert scripts and sections
 * @param version      the version or timestamp the tool orders by ({@code null} for repeatable scripts)
 * @param description  the human part of the name
 * @param setLabel     which migration set it belongs to, for grouping when a project has several
 * @param repeatable   Flyway {@code R__} scripts, re-run whenever their checksum changes
 */
public record Migration(Path file, String relativePath, Tool tool, Direction direction, String version,
                        String description, String setLabel, boolean repeatable) {

    public String fileName() {
        return file.getFileName().toString();
    }
}

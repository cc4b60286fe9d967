package dev.redline.core.model;

import java.nio.file.Path;
import java.util.List;

/**
 * The migrations of one tool in one folder, in the order the tool applies them (each up script directly followed by
 * its own down script, when it has one).
 */
public record MigrationSet(Tool tool, Path root, String label, List<Migration> migrations) {
}

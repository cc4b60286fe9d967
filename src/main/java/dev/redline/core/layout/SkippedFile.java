package dev.redline.core.layout;

import dev.redline.core.model.Tool;

/**
 * A .sql file that belongs to a tool's layout but that the tool never runs against PostgreSQL, so it is not a
 * migration: a Sqitch verify script, a popx script for another database, a generic popx script replaced by its
 * PostgreSQL variant, a Sqitch script the plan does not list.
 *
 * @param relativePath path relative to the scanned folder, with {@code /} separators
 * @param tool         the tool whose layout holds it
 * @param reason       why it is not analysed, in one sentence
 */
public record SkippedFile(String relativePath, Tool tool, String reason) {
}

package dev.redline.core.model;

/**
 * A region {@code [start, end)} of a script that the tool runs as a unit: the whole file for most tools, or a
 * goose/dbmate section between markers.
 *
 * @param inTransaction {@code TRUE} when the tool wraps it in a transaction, {@code FALSE} when the tool is told not
 *                      to (goose {@code NO TRANSACTION}, dbmate {@code transaction:false}), {@code null} when the
 *                      tool's behaviour depends on the statements inside
 */
public record ScriptSection(int start, int end, Boolean inTransaction) {
}

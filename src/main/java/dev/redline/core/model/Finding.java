package dev.redline.core.model;

/**
 * One thing a rule found in one statement. The editor, the checklist, every CLI reporter and the review file
 * render this same record.
 *
 * @param rule       the rule id, a public contract (e.g. {@code drop-column})
 * @param severity   destructive, risky or info
 * @param checklist  the checklist point (1-6) it answers, or 0 for none
 * @param statement  0-based index of the statement in its migration
 * @param start      offset of the span the finding marks (UTF-16 units into the file)
 * @param end        offset just past the span
 * @param line       1-based line of {@code start}
 * @param column     1-based column of {@code start}
 * @param endLine    1-based line of the span's end
 * @param target     what it is about, e.g. {@code public.customers.phone}, or {@code null}
 * @param message    what happens, in one sentence
 * @param hint       the safer alternative
 */
public record Finding(String rule, Severity severity, int checklist, int statement, int start, int end, int line,
                      int column, int endLine, String target, String message, String hint) {
}

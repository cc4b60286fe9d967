package dev.redline.core.sql;

import java.util.List;

/**
 * One statement of a migration as the splitter found it. The span runs from its first to its last significant
 * token; the terminating semicolon is not part of it.
 *
 * @param index     0-based position in the migration
 * @param start     offset of the first significant character
 * @param end       offset just past the last significant character
 * @param line      1-based line of {@code start}
 * @param column    1-based column of {@code start}
 * @param endLine   1-based line of the last character
 * @param tokens    the significant tokens (no whitespace or comments)
 * @param kind      whether it is SQL or a psql meta-command
 * @param sectionIndex which section of the migration file it came from
 */
public record SqlStatement(int index, int start, int end, int line, int column, int endLine,
                           List<Token> tokens, Kind kind, int sectionIndex, boolean unbalanced) {

    public enum Kind { SQL, PSQL_META }

    /** The statement made of {@code tokens} (at least one), with its span, line and column taken from them. */
    public static SqlStatement of(SourceText source, int index, List<Token> tokens, Kind kind, int sectionIndex,
                                  boolean unbalanced) {
        int start = tokens.get(0).start();
        int end = tokens.get(tokens.size() - 1).end();
        return new SqlStatement(index, start, end, source.line(start), source.column(start),
                source.line(Math.max(start, end - 1)), tokens, kind, sectionIndex, unbalanced);
    }

    public String text(SourceText source) {
        return source.text().substring(start, end);
    }

    /** The same statement without its tokens, for keeping results long after parsing. */
    public SqlStatement withoutTokens() {
        return new SqlStatement(index, start, end, line, column, endLine, List.of(), kind, sectionIndex, unbalanced);
    }

    public boolean isPsqlMeta() {
        return kind == Kind.PSQL_META;
    }
}

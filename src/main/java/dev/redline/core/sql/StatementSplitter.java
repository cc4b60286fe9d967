package dev.redline.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits PostgreSQL source into statements the way psql does: at semicolons outside parentheses, quotes,
 * dollar-quoted bodies, comments and {@code BEGIN ATOMIC … END} bodies. psql meta-command lines become
 * statements of their own kind. When parentheses never balance, the statement is split again ignoring them so
 * one missing parenthesis does not swallow the rest of the file.
 */
public final class StatementSplitter {

    private StatementSplitter() {
    }

    /** A region of the source to split on its own, such as a goose {@code Up} section. */
    public record Region(int start, int end, int sectionIndex) {
    }

    public static List<SqlStatement> split(SourceText source) {
        return split(source, List.of(new Region(0, source.length(), 0)));
    }

    public static List<SqlStatement> split(SourceText source, List<Region> regions) {
        List<SqlStatement> out = new ArrayList<>();
        for (Region r : regions) {
            List<Token> tokens = Lexer.significant(source.text(), r.start(), r.end());
            splitTokens(source, tokens, 0, tokens.size(), r.sectionIndex(), true, out);
        }
        return out;
    }

    /** Splits {@code tokens[from, to)}, which are significant tokens only (no whitespace or comments). */
    private static void splitTokens(SourceText source, List<Token> tokens, int from, int to, int section,
                                    boolean respectParens, List<SqlStatement> out) {
        List<Token> current = new ArrayList<>();
        int currentFirstRaw = -1;
        int depth = 0;
        int atomicDepth = 0;
        boolean routine = false;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            TokenKind k = t.kind();
            if (k == TokenKind.PSQL_META) {
                if (!current.isEmpty()) {
                    emit(source, current, section, depth != 0, out, tokens, currentFirstRaw, i);
                    current = new ArrayList<>();
                    depth = 0;
                    atomicDepth = 0;
                    routine = false;
                }
                out.add(SqlStatement.of(source, out.size(), List.of(t), SqlStatement.Kind.PSQL_META, section, false));
                continue;
            }
            if (k == TokenKind.SEMICOLON && (depth <= 0 || !respectParens) && atomicDepth == 0) {
                if (!current.isEmpty()) {
                    emit(source, current, section, respectParens && depth != 0, out, tokens, currentFirstRaw, i);
                }
                current = new ArrayList<>();
                depth = 0;
                routine = false;
                continue;
            }
            if (current.isEmpty()) {
                currentFirstRaw = i;
            }
            current.add(t);
            switch (k) {
                case LPAREN -> depth++;
                case RPAREN -> depth--;
                case WORD -> {
                    if (current.size() <= 6 && !routine) {
                        routine = isRoutineHead(source, current);
                    }
                    if (routine) {
                        atomicDepth = trackAtomic(source, tokens, i, to, t, atomicDepth);
                    }
                }
                default -> { }
            }
        }
        if (!current.isEmpty()) {
            emit(source, current, section, respectParens && depth != 0, out, tokens, currentFirstRaw, to);
        }
    }

    private static int trackAtomic(SourceText source, List<Token> tokens, int i, int to, Token t, int atomicDepth) {
        String text = source.text();
        if (t.isWord(text, "BEGIN")) {
            if (atomicDepth > 0) {
                return atomicDepth + 1;
            }
            return i + 1 < to && tokens.get(i + 1).isWord(text, "ATOMIC") ? 1 : 0;
        }
        if (atomicDepth > 0 && t.isWord(text, "CASE")) {
            return atomicDepth + 1;
        }
        if (atomicDepth > 0 && t.isWord(text, "END")) {
            return atomicDepth - 1;
        }
        return atomicDepth;
    }

    private static boolean isRoutineHead(SourceText source, List<Token> current) {
        String text = source.text();
        if (!current.get(0).isWord(text, "CREATE")) {
            return false;
        }
        for (int j = 1; j < current.size(); j++) {
            Token w = current.get(j);
            if (w.isWord(text, "FUNCTION") || w.isWord(text, "PROCEDURE")) {
                return true;
            }
        }
        return false;
    }

    private static void emit(SourceText source, List<Token> current, int section, boolean unbalanced,
                             List<SqlStatement> out, List<Token> allTokens, int firstRaw, int endRaw) {
        if (unbalanced) {
            // One unclosed parenthesis must not hide every later statement: split this run again without parens.
            List<SqlStatement> again = new ArrayList<>();
            splitTokens(source, allTokens, firstRaw, endRaw, section, false, again);
            if (again.size() > 1) {
                for (SqlStatement s : again) {
                    out.add(SqlStatement.of(source, out.size(), s.tokens(), s.kind(), section, true));
                }
                return;
            }
        }
        out.add(SqlStatement.of(source, out.size(), List.copyOf(current), SqlStatement.Kind.SQL, section, unbalanced));
    }
}

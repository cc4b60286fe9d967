package dev.redline.core.analysis;

import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.parse.StatementParser;
import dev.redline.core.sql.Lexer;
import dev.redline.core.sql.SourceText;
import dev.redline.core.sql.SqlStatement;
import dev.redline.core.sql.StatementSplitter;
import dev.redline.core.sql.Token;
import dev.redline.core.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the SQL inside a PL/pgSQL DO body: statements written directly (after BEGIN, THEN, ELSE, LOOP…) and the
 * literal string of {@code EXECUTE '…'}. Control flow is skipped; EXECUTE of anything but a literal is counted as
 * dynamic. Offsets stay those of the file, so findings point into the body.
 */
final class DoBlockReader {

    /** Words after which a PL/pgSQL statement begins. */
    private static final Set<String> STATEMENT_OPENERS = Set.of("BEGIN", "THEN", "ELSE", "LOOP", "DECLARE");

    private static final Set<String> SQL_HEADS = Set.of("ALTER", "DROP", "CREATE", "UPDATE", "DELETE", "INSERT",
            "TRUNCATE", "GRANT", "REVOKE", "COMMENT", "WITH", "LOCK", "VACUUM", "CLUSTER", "REINDEX", "MERGE",
            "COMMIT", "ROLLBACK", "SET", "RESET", "REFRESH");

    /** One statement found inside the body, with its own token list. */
    record Inner(SqlStatement statement, ParsedStatement parsed) {
    }

    record Result(List<Inner> statements, int dynamicExecutes) {
    }

    private DoBlockReader() {
    }

    static Result read(SourceText source, int bodyStart, int bodyEnd, StatementParser parser) {
        List<Inner> out = new ArrayList<>();
        int dynamic = 0;
        List<SqlStatement> pieces = StatementSplitter.split(source,
                List.of(new StatementSplitter.Region(bodyStart, bodyEnd, 0)));
        for (SqlStatement piece : pieces) {
            List<Token> tokens = piece.tokens();
            int head = sqlHead(source, tokens);
            if (head >= 0) {
                List<Token> stmt = tokens.subList(head, tokens.size());
                out.add(new Inner(statementOf(source, stmt, out.size()), parser.parse(stmt)));
                continue;
            }
            int exec = indexOfWord(source, tokens, "EXECUTE");
            if (exec >= 0 && exec + 1 < tokens.size()) {
                Token arg = tokens.get(exec + 1);
                boolean literal = (arg.kind() == TokenKind.STRING || arg.kind() == TokenKind.DOLLAR_STRING)
                        && (exec + 2 == tokens.size() || isWord(source, tokens.get(exec + 2), "USING")
                        || isWord(source, tokens.get(exec + 2), "INTO"));
                if (literal) {
                    int[] inside = inside(source, arg);
                    List<Token> inner = significant(source, inside[0], inside[1]);
                    if (!inner.isEmpty()) {
                        out.add(new Inner(statementOf(source, inner, out.size()), parser.parse(inner)));
                    }
                } else {
                    dynamic++;
                }
            }
        }
        return new Result(out, dynamic);
    }

    /** Index of the token where a plain SQL statement starts in this piece, or -1. */
    private static int sqlHead(SourceText source, List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() != TokenKind.WORD) {
                continue;
            }
            String w = t.text(source.text()).toUpperCase(java.util.Locale.ROOT);
            boolean atStart = i == 0 || isOpener(source, tokens.get(i - 1));
            if (atStart && SQL_HEADS.contains(w)) {
                return i; // after IF … THEN, CASE … WHEN … THEN, LOOP, ELSE…: control flow is looked through
            }
        }
        return -1;
    }

    private static boolean isOpener(SourceText source, Token t) {
        if (t.kind() == TokenKind.OPERATOR && t.text(source.text()).equals(">>")) {
            return true; // <<label>>
        }
        return t.kind() == TokenKind.WORD
                && STATEMENT_OPENERS.contains(t.text(source.text()).toUpperCase(java.util.Locale.ROOT));
    }

    private static int indexOfWord(SourceText source, List<Token> tokens, String upper) {
        for (int i = 0; i < tokens.size(); i++) {
            if (isWord(source, tokens.get(i), upper)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isWord(SourceText source, Token t, String upper) {
        return t.isWord(source.text(), upper);
    }

    /** The offsets of a string literal's content. */
    private static int[] inside(SourceText source, Token t) {
        String text = t.text(source.text());
        if (t.kind() == TokenKind.DOLLAR_STRING) {
            int tag = text.indexOf('$', 1) + 1;
            return new int[] {t.start() + tag, t.end() - tag};
        }
        int open = text.indexOf('\'');
        return new int[] {t.start() + open + 1, t.end() - 1};
    }

    /** The significant tokens of {@code [from, to)} without semicolons. */
    private static List<Token> significant(SourceText source, int from, int to) {
        List<Token> out = new ArrayList<>(Lexer.significant(source.text(), from, to));
        out.removeIf(t -> t.kind() == TokenKind.SEMICOLON);
        return out;
    }

    private static SqlStatement statementOf(SourceText source, List<Token> tokens, int index) {
        return SqlStatement.of(source, index, tokens, SqlStatement.Kind.SQL, 0, false);
    }
}

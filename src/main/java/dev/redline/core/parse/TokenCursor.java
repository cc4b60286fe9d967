package dev.redline.core.parse;

import dev.redline.core.sql.Token;
import dev.redline.core.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A cursor over a statement's significant tokens with the keyword and name helpers the parser needs. */
final class TokenCursor {

    private final String src;
    private final List<Token> tokens;
    private final int limit;
    private int pos;

    TokenCursor(String src, List<Token> tokens) {
        this(src, tokens, 0, tokens.size());
    }

    TokenCursor(String src, List<Token> tokens, int from, int to) {
        this.src = src;
        this.tokens = tokens;
        this.pos = from;
        this.limit = to;
    }

    /** A cursor over {@code [from, to)} of the same tokens. */
    TokenCursor sub(int from, int to) {
        return new TokenCursor(src, tokens, from, to);
    }

    int pos() {
        return pos;
    }

    void seek(int p) {
        pos = p;
    }

    int limit() {
        return limit;
    }

    boolean atEnd() {
        return pos >= limit;
    }

    Token peek() {
        return pos < limit ? tokens.get(pos) : null;
    }

    Token peek(int ahead) {
        int p = pos + ahead;
        return p < limit ? tokens.get(p) : null;
    }

    Token token(int index) {
        return tokens.get(index);
    }

    Token next() {
        return pos < limit ? tokens.get(pos++) : null;
    }

    Token previous() {
        return pos > 0 ? tokens.get(pos - 1) : null;
    }

    boolean isKind(TokenKind kind) {
        Token t = peek();
        return t != null && t.kind() == kind;
    }

    boolean isWord(String upper) {
        return isWordAt(pos, upper);
    }

    boolean isWord(int ahead, String upper) {
        return isWordAt(pos + ahead, upper);
    }

    boolean isWordAt(int index, String upper) {
        return index >= 0 && index < limit && tokens.get(index).isWord(src, upper);
    }

    boolean isAnyWord(String... uppers) {
        for (String u : uppers) {
            if (isWord(u)) {
                return true;
            }
        }
        return false;
    }

    boolean isAnyWordAt(int index, String... uppers) {
        for (String u : uppers) {
            if (isWordAt(index, u)) {
                return true;
            }
        }
        return false;
    }

    /** Consumes the word if it is next. */
    boolean accept(String upper) {
        if (isWord(upper)) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes the whole sequence of words if it is next, else nothing. */
    boolean acceptAll(String... uppers) {
        for (int i = 0; i < uppers.length; i++) {
            if (!isWordAt(pos + i, uppers[i])) {
                return false;
            }
        }
        pos += uppers.length;
        return true;
    }

    boolean acceptKind(TokenKind kind) {
        if (isKind(kind)) {
            pos++;
            return true;
        }
        return false;
    }

    /** The next token's text in upper case when it is a word, else {@code null}. */
    String upperWord() {
        Token t = peek();
        return t != null && t.kind() == TokenKind.WORD ? t.text(src).toUpperCase(Locale.ROOT) : null;
    }

    String text(Token t) {
        return t.text(src);
    }

    boolean isIdentifier() {
        Token t = peek();
        return t != null && (t.kind() == TokenKind.WORD || t.kind() == TokenKind.QUOTED_IDENT
                || t.kind() == TokenKind.STRING);
    }

    /** Reads one identifier, folded as PostgreSQL folds it; {@code null} when none is next. */
    String identifier() {
        Token t = peek();
        if (t == null) {
            return null;
        }
        if (t.kind() == TokenKind.WORD) {
            pos++;
            String text = t.text(src);
            // Flyway placeholders keep their case: ${ohdsiSchema} must map back to its configured value
            return text.contains("${") ? text : text.toLowerCase(Locale.ROOT);
        }
        if (t.kind() == TokenKind.QUOTED_IDENT) {
            pos++;
            return unquote(t.text(src));
        }
        return null;
    }

    static String unquote(String quoted) {
        String q = quoted;
        if (q.length() > 2 && (q.charAt(0) == 'U' || q.charAt(0) == 'u') && q.charAt(1) == '&') {
            q = q.substring(2);
        }
        if (q.length() >= 2 && q.charAt(0) == '"' && q.charAt(q.length() - 1) == '"') {
            return q.substring(1, q.length() - 1).replace("\"\"", "\"");
        }
        return q;
    }

    /** Reads a dotted name such as {@code schema.table}; empty when none is next. */
    List<String> dottedName() {
        List<String> parts = new ArrayList<>(2);
        String first = identifier();
        if (first == null) {
            return parts;
        }
        parts.add(first);
        while (isKind(TokenKind.DOT)) {
            Token after = peek(1);
            if (after == null || (after.kind() != TokenKind.WORD && after.kind() != TokenKind.QUOTED_IDENT)) {
                break;
            }
            pos++;
            parts.add(identifier());
        }
        return parts;
    }

    QName qname() {
        List<String> parts = dottedName();
        return parts.isEmpty() ? null : QName.of(parts);
    }

    /** At an opening parenthesis: moves past its matching closing one (or to the end). Iterative, any depth. */
    void skipGroup() {
        if (!isKind(TokenKind.LPAREN) && !isKind(TokenKind.LBRACKET)) {
            return;
        }
        int depth = 0;
        while (pos < limit) {
            TokenKind k = tokens.get(pos).kind();
            pos++;
            if (k == TokenKind.LPAREN || k == TokenKind.LBRACKET) {
                depth++;
            } else if (k == TokenKind.RPAREN || k == TokenKind.RBRACKET) {
                if (--depth == 0) {
                    return;
                }
            }
        }
    }

    /** Index just past the group starting at {@code index} (which must be an opening parenthesis). */
    int groupEnd(int index) {
        int save = pos;
        pos = index;
        skipGroup();
        int end = pos;
        pos = save;
        return end;
    }

    /** Splits {@code [from, to)} at commas outside parentheses; returns [start, end) index pairs. */
    List<int[]> splitTopLevel(int from, int to) {
        List<int[]> parts = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            TokenKind k = tokens.get(i).kind();
            if (k == TokenKind.LPAREN || k == TokenKind.LBRACKET) {
                depth++;
            } else if (k == TokenKind.RPAREN || k == TokenKind.RBRACKET) {
                depth--;
            } else if (k == TokenKind.COMMA && depth == 0) {
                parts.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (start < to) {
            parts.add(new int[] {start, to});
        }
        return parts;
    }

    Span span(int fromIndex, int toIndex) {
        if (fromIndex >= toIndex || fromIndex >= tokens.size()) {
            Token t = tokens.get(Math.min(fromIndex, tokens.size() - 1));
            return new Span(t.start(), t.end());
        }
        return new Span(tokens.get(fromIndex).start(), tokens.get(Math.min(toIndex, tokens.size()) - 1).end());
    }

    String textOf(int fromIndex, int toIndex) {
        if (fromIndex >= toIndex) {
            return "";
        }
        return src.substring(tokens.get(fromIndex).start(), tokens.get(toIndex - 1).end());
    }

    /** Integers inside a type modifier list such as {@code (10, 2)}; non-numbers are skipped. */
    List<Integer> integersInGroup() {
        List<Integer> out = new ArrayList<>(2);
        if (!isKind(TokenKind.LPAREN)) {
            return out;
        }
        int end = groupEnd(pos);
        for (int i = pos + 1; i < end - 1; i++) {
            Token t = tokens.get(i);
            if (t.kind() == TokenKind.NUMBER) {
                try {
                    out.add(Integer.parseInt(t.text(src).replace("_", "")));
                } catch (NumberFormatException e) {
                    // not an int modifier: ignore
                }
            }
        }
        pos = end;
        return out;
    }
}

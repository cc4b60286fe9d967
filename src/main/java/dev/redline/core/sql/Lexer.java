package dev.redline.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL lexer that never fails: every character of the input ends up in exactly one token, and input it
 * cannot make sense of becomes {@link TokenKind#UNTERMINATED} or {@link TokenKind#INVALID} tokens instead of an
 * exception. It follows the server's scanner ({@code scan.l}) for quotes, dollar quotes, nested comments and
 * operators, with {@code standard_conforming_strings = on}.
 */
public final class Lexer {

    /** The characters of {@code [base, base + src.length)} of the input: a plain array is fastest to scan. */
    private final char[] src;
    private final int base;
    private final boolean keepTrivia;
    private int pos;

    private Lexer(char[] src, int base, boolean keepTrivia) {
        this.src = src;
        this.base = base;
        this.keepTrivia = keepTrivia;
    }

    /** Tokenises the whole input, trivia included. */
    public static List<Token> tokenize(CharSequence source) {
        return tokenize(source, 0, source.length());
    }

    /** Tokenises {@code [from, to)} of the input; offsets stay relative to the whole input. */
    public static List<Token> tokenize(CharSequence source, int from, int to) {
        return tokenize(source, from, to, true);
    }

    /** Only the significant tokens of {@code [from, to)}: no whitespace or comments (what splitting needs). */
    public static List<Token> significant(CharSequence source, int from, int to) {
        return tokenize(source, from, to, false);
    }

    private static List<Token> tokenize(CharSequence source, int from, int to, boolean keepTrivia) {
        char[] chars = new char[to - from];
        if (source instanceof String s) {
            s.getChars(from, to, chars, 0);
        } else {
            for (int i = from; i < to; i++) {
                chars[i - from] = source.charAt(i);
            }
        }
        return new Lexer(chars, from, keepTrivia).run(0, chars.length);
    }

    private List<Token> run(int from, int to) {
        List<Token> out = new ArrayList<>(Math.max(16, (to - from) / 4));
        pos = from;
        int limit = to;
        while (pos < limit) {
            int start = pos;
            TokenKind kind = next(limit);
            if (pos <= start) { // defensive: always make progress
                pos = start + 1;
                kind = TokenKind.INVALID;
            }
            if (pos > limit) {
                pos = limit;
            }
            if (keepTrivia || !kind.isTrivia()) {
                out.add(new Token(kind, base + start, base + pos));
            }
        }
        return out;
    }

    private char at(int i) {
        return src[i];
    }

    private boolean has(int i, int limit) {
        return i < limit;
    }

    private TokenKind next(int limit) {
        char c = at(pos);
        switch (c) {
            case ' ', '\t', '\n', '\r', '\f', '\u000B', '\uFEFF' -> {
                pos++;
                while (pos < limit && isSpace(at(pos))) {
                    pos++;
                }
                return TokenKind.WHITESPACE;
            }
            case '-' -> {
                if (has(pos + 1, limit) && at(pos + 1) == '-') {
                    return lineComment(limit);
                }
                return operator(limit);
            }
            case '/' -> {
                if (has(pos + 1, limit) && at(pos + 1) == '*') {
                    return blockComment(limit);
                }
                return operator(limit);
            }
            case '\'' -> {
                return quoted(limit, '\'', false);
            }
            case '"' -> {
                TokenKind k = quoted(limit, '"', false);
                return k == TokenKind.STRING ? TokenKind.QUOTED_IDENT : k;
            }
            case '$' -> {
                return dollar(limit);
            }
            case '(' -> {
                pos++;
                return TokenKind.LPAREN;
            }
            case ')' -> {
                pos++;
                return TokenKind.RPAREN;
            }
            case '[' -> {
                pos++;
                return TokenKind.LBRACKET;
            }
            case ']' -> {
                pos++;
                return TokenKind.RBRACKET;
            }
            case ',' -> {
                pos++;
                return TokenKind.COMMA;
            }
            case ';' -> {
                pos++;
                return TokenKind.SEMICOLON;
            }
            case ':' -> {
                pos++;
                if (pos < limit && at(pos) == ':') {
                    pos++;
                } else if (pos < limit && at(pos) == '=') {
                    pos++;
                    return TokenKind.OPERATOR;
                }
                return TokenKind.COLON;
            }
            case '.' -> {
                if (has(pos + 1, limit) && isDigit(at(pos + 1))) {
                    return number(limit);
                }
                pos++;
                if (pos < limit && at(pos) == '.') { // ".." in PL/pgSQL FOR loops
                    pos++;
                    return TokenKind.OPERATOR;
                }
                return TokenKind.DOT;
            }
            case '\\' -> {
                // psql meta-command: runs to the end of the line
                while (pos < limit && at(pos) != '\n') {
                    pos++;
                }
                return TokenKind.PSQL_META;
            }
            default -> {
                if (isDigit(c)) {
                    return number(limit);
                }
                if (isIdentStart(c)) {
                    return wordOrPrefixedString(limit);
                }
                if (isOperatorChar(c)) {
                    return operator(limit);
                }
                pos++;
                return TokenKind.INVALID;
            }
        }
    }

    private TokenKind lineComment(int limit) {
        pos += 2;
        while (pos < limit && at(pos) != '\n' && at(pos) != '\r') {
            pos++;
        }
        return TokenKind.LINE_COMMENT;
    }

    private TokenKind blockComment(int limit) {
        pos += 2;
        int depth = 1;
        while (pos < limit) {
            char c = at(pos);
            if (c == '*' && has(pos + 1, limit) && at(pos + 1) == '/') {
                pos += 2;
                if (--depth == 0) {
                    return TokenKind.BLOCK_COMMENT;
                }
            } else if (c == '/' && has(pos + 1, limit) && at(pos + 1) == '*') {
                pos += 2;
                depth++;
            } else {
                pos++;
            }
        }
        return TokenKind.UNTERMINATED;
    }

    /** A quoted run starting at {@code pos}; doubled quotes escape, and so does backslash when asked. */
    private TokenKind quoted(int limit, char quote, boolean backslashEscapes) {
        pos++;
        while (pos < limit) {
            char c = at(pos);
            if (backslashEscapes && c == '\\') {
                pos += 2;
                continue;
            }
            if (c == quote) {
                if (has(pos + 1, limit) && at(pos + 1) == quote) {
                    pos += 2;
                    continue;
                }
                pos++;
                return TokenKind.STRING;
            }
            pos++;
        }
        pos = Math.min(pos, limit);
        return TokenKind.UNTERMINATED;
    }

    private TokenKind dollar(int limit) {
        int p = pos + 1;
        if (p < limit && isDigit(at(p))) {
            while (p < limit && isDigit(at(p))) {
                p++;
            }
            pos = p;
            return TokenKind.PARAM;
        }
        if (p < limit && at(p) == '{') {
            // Flyway-style ${placeholder} left unsubstituted: treat as a word so parsing goes on
            int close = p;
            while (close < limit && at(close) != '}' && at(close) != '\n') {
                close++;
            }
            if (close < limit && at(close) == '}') {
                pos = close + 1;
                restOfWord(limit);
                return TokenKind.WORD;
            }
        }
        while (p < limit && isIdentPart(at(p)) && at(p) != '$') {
            p++;
        }
        if (p < limit && at(p) == '$') {
            int tagLen = p + 1 - pos; // includes both dollars
            int bodyStart = p + 1;
            int i = bodyStart;
            while (i < limit) {
                if (at(i) == '$' && i + tagLen <= limit && regionEquals(pos, i, tagLen)) {
                    pos = i + tagLen;
                    return TokenKind.DOLLAR_STRING;
                }
                i++;
            }
            pos = limit;
            return TokenKind.UNTERMINATED;
        }
        pos++;
        return TokenKind.OPERATOR;
    }

    private boolean regionEquals(int a, int b, int len) {
        for (int k = 0; k < len; k++) {
            if (at(a + k) != at(b + k)) {
                return false;
            }
        }
        return true;
    }

    private TokenKind number(int limit) {
        if (at(pos) == '0' && has(pos + 1, limit) && "xXoObB".indexOf(at(pos + 1)) >= 0) {
            pos += 2;
            while (pos < limit && (Character.isLetterOrDigit(at(pos)) || at(pos) == '_')) {
                pos++;
            }
            return TokenKind.NUMBER;
        }
        while (pos < limit && (isDigit(at(pos)) || at(pos) == '_')) {
            pos++;
        }
        if (pos < limit && at(pos) == '.' && !(has(pos + 1, limit) && at(pos + 1) == '.')) {
            pos++;
            while (pos < limit && (isDigit(at(pos)) || at(pos) == '_')) {
                pos++;
            }
        }
        if (pos < limit && (at(pos) == 'e' || at(pos) == 'E')) {
            int p = pos + 1;
            if (p < limit && (at(p) == '+' || at(p) == '-')) {
                p++;
            }
            if (p < limit && isDigit(at(p))) {
                pos = p;
                while (pos < limit && isDigit(at(pos))) {
                    pos++;
                }
            }
        }
        return TokenKind.NUMBER;
    }

    private TokenKind wordOrPrefixedString(int limit) {
        char c = at(pos);
        if (has(pos + 1, limit) && at(pos + 1) == '\'') {
            switch (c) {
                case 'e', 'E' -> {
                    pos++;
                    return quoted(limit, '\'', true);
                }
                case 'b', 'B', 'x', 'X', 'n', 'N' -> {
                    pos++;
                    return quoted(limit, '\'', false);
                }
                default -> { }
            }
        }
        if ((c == 'u' || c == 'U') && has(pos + 2, limit) && at(pos + 1) == '&'
                && (at(pos + 2) == '\'' || at(pos + 2) == '"')) {
            char q = at(pos + 2);
            pos += 2;
            TokenKind k = quoted(limit, q, false);
            return q == '"' && k == TokenKind.STRING ? TokenKind.QUOTED_IDENT : k;
        }
        pos++;
        restOfWord(limit);
        return TokenKind.WORD;
    }

    /** Identifier characters, and Flyway {@code ${placeholders}} inside a name such as {@code tbl_${suffix}}. */
    private void restOfWord(int limit) {
        while (pos < limit) {
            char c = at(pos);
            if (c == '$' && has(pos + 1, limit) && at(pos + 1) == '{') {
                int close = pos + 2;
                while (close < limit && at(close) != '}' && at(close) != '\n') {
                    close++;
                }
                if (close < limit && at(close) == '}') {
                    pos = close + 1;
                    continue;
                }
                return;
            }
            if (!isIdentPart(c)) {
                return;
            }
            pos++;
        }
    }

    private TokenKind operator(int limit) {
        int start = pos;
        pos++;
        while (pos < limit && isOperatorChar(at(pos))) {
            char c = at(pos);
            // a comment start ends the operator
            if ((c == '-' && has(pos + 1, limit) && at(pos + 1) == '-')
                    || (c == '/' && has(pos + 1, limit) && at(pos + 1) == '*')) {
                break;
            }
            pos++;
        }
        if (pos == start) {
            pos++;
        }
        return TokenKind.OPERATOR;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B' || c == '\uFEFF';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= 0x80 && !isSpace(c));
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    static boolean isOperatorChar(char c) {
        return "+-*/<>=~!@#%^&|`?".indexOf(c) >= 0;
    }
}

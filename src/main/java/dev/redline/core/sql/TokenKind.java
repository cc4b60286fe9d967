package dev.redline.core.sql;

/** Lexical classes of PostgreSQL source text, as the editor highlights them and the parser consumes them. */
public enum TokenKind {
    WHITESPACE,
    LINE_COMMENT,
    BLOCK_COMMENT,
    /** Unquoted identifier or keyword. */
    WORD,
    QUOTED_IDENT,
    /** Any single-quoted string: standard, E'', B'', X'', N'', U&''. */
    STRING,
    DOLLAR_STRING,
    NUMBER,
    /** Positional parameter such as {@code $1}. */
    PARAM,
    OPERATOR,
    LPAREN,
    RPAREN,
    LBRACKET,
    RBRACKET,
    COMMA,
    SEMICOLON,
    DOT,
    /** {@code :} or {@code ::}. */
    COLON,
    /** A psql meta-command such as {@code \set} or {@code \i}, to the end of its line. */
    PSQL_META,
    /** A quote or comment that never ends; runs to the end of the input. */
    UNTERMINATED,
    /** A byte sequence that is not SQL at all (a control character, for example). */
    INVALID;

    public boolean isTrivia() {
        return this == WHITESPACE || this == LINE_COMMENT || this == BLOCK_COMMENT;
    }
}

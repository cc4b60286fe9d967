package dev.redline.core.sql;

/**
 * One lexical token: its class and its half-open span {@code [start, end)} in UTF-16 offsets of the source.
 */
public record Token(TokenKind kind, int start, int end) {

    public int length() {
        return end - start;
    }

    public String text(CharSequence source) {
        return source.subSequence(start, end).toString();
    }

    /** Whether this is the unquoted word {@code upper}, in any case, without copying its text. */
    public boolean isWord(String source, String upper) {
        return kind == TokenKind.WORD && length() == upper.length()
                && source.regionMatches(true, start, upper, 0, upper.length());
    }
}

package dev.redline.core.layout;

import java.util.ArrayList;
import java.util.List;

/** Splits text into lines while keeping offsets, treating {@code \n}, {@code \r\n} and a lone {@code \r} alike. */
final class Lines {

    /**
     * One line.
     *
     * @param start offset of its first character
     * @param end   offset just past its content (before the terminator)
     * @param next  offset of the next line's first character (just past the terminator)
     */
    record Line(int start, int end, int next) {
        String text(CharSequence source) {
            return source.subSequence(start, end).toString();
        }
    }

    private Lines() {
    }

    static List<Line> of(CharSequence text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int next = (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') ? i + 2 : i + 1;
                lines.add(new Line(start, i, next));
                start = next;
                i = next - 1;
            }
        }
        if (start < n) {
            lines.add(new Line(start, n, n));
        }
        return lines;
    }

    /** The line with leading spaces, tabs and a byte-order mark removed, and trailing whitespace removed. */
    static String trimmed(String line) {
        int s = 0;
        while (s < line.length() && (line.charAt(s) == ' ' || line.charAt(s) == '\t' || line.charAt(s) == '\uFEFF')) {
            s++;
        }
        return line.substring(s).stripTrailing();
    }
}

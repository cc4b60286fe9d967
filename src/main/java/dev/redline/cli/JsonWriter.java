package dev.redline.cli;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A small streaming JSON writer for the reports {@code check} prints, in exactly the layout {@link JsonOutput}'s
 * Jackson generators print ({@code "key": value}, two-space indent, {@code \n}, empty containers as {@code []} and
 * {@code {}}, Jackson's escapes). {@code check} writes one of these per run over thousands of migrations, and a
 * short-lived JVM spends more on starting Jackson and its pretty printer than on the writing itself.
 *
 * <p>Calls must nest properly (as with Jackson); the writer does not check. Not thread-safe.
 */
final class JsonWriter implements AutoCloseable {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int FLUSH_AT = 1 << 16;

    private final OutputStream out;
    private byte[] buf = new byte[FLUSH_AT + 1024];
    private int len;
    /** Per open container: how many members it has so far. */
    private int[] counts = new int[16];
    private int depth;

    JsonWriter(OutputStream out) {
        this.out = out;
    }

    JsonWriter startObject() throws IOException {
        beforeValue();
        open('{');
        return this;
    }

    JsonWriter endObject() throws IOException {
        close('}');
        return this;
    }

    JsonWriter startArray() throws IOException {
        beforeValue();
        open('[');
        return this;
    }

    JsonWriter endArray() throws IOException {
        close(']');
        return this;
    }

    /** Starts a member of the current object: its name; the value follows. */
    JsonWriter name(String name) throws IOException {
        separate();
        string(name);
        ensure(2);
        buf[len++] = ':';
        buf[len++] = ' ';
        counts[depth - 1] = -counts[depth - 1] - 1; // negative: a name is waiting for its value
        return this;
    }

    JsonWriter value(String s) throws IOException {
        beforeValue();
        if (s == null) {
            raw("null");
        } else {
            string(s);
        }
        return this;
    }

    JsonWriter value(long n) throws IOException {
        beforeValue();
        if (n < 0 || n >= 1_000_000_000_000_000_000L) {
            raw(Long.toString(n));
            return this;
        }
        // Digits straight into the buffer: a report has tens of thousands of small numbers.
        ensure(19);
        int digits = 1;
        for (long p = 10; p <= n && digits < 19; p *= 10) {
            digits++;
        }
        for (int i = len + digits - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        len += digits;
        return this;
    }

    JsonWriter value(boolean b) throws IOException {
        beforeValue();
        raw(b ? "true" : "false");
        return this;
    }

    JsonWriter nullValue() throws IOException {
        beforeValue();
        raw("null");
        return this;
    }

    JsonWriter field(String name, String value) throws IOException {
        return name(name).value(value);
    }

    JsonWriter field(String name, long value) throws IOException {
        return name(name).value(value);
    }

    JsonWriter field(String name, boolean value) throws IOException {
        return name(name).value(value);
    }

    /** A number, or {@code null}. */
    JsonWriter field(String name, Integer value) throws IOException {
        name(name);
        return value == null ? nullValue() : value(value.longValue());
    }

    JsonWriter field(String name, Boolean value) throws IOException {
        name(name);
        return value == null ? nullValue() : value(value.booleanValue());
    }

    /** Writes what is buffered to the stream (the stream itself is not flushed or closed). */
    @Override
    public void close() throws IOException {
        drain();
    }

    private void open(char c) throws IOException {
        ensure(1);
        buf[len++] = (byte) c;
        if (depth == counts.length) {
            counts = java.util.Arrays.copyOf(counts, depth * 2);
        }
        counts[depth++] = 0;
    }

    private void close(char c) throws IOException {
        int members = counts[--depth];
        if (members > 0) {
            newline(depth);
        }
        ensure(1);
        buf[len++] = (byte) c;
    }

    /** Before a value: inside an array, the separator and the new line; after a name, nothing. */
    private void beforeValue() throws IOException {
        if (depth == 0) {
            return;
        }
        if (counts[depth - 1] < 0) {
            counts[depth - 1] = -counts[depth - 1]; // the value of the pending name
            return;
        }
        separate();
        counts[depth - 1]++;
    }

    private void separate() throws IOException {
        if (counts[depth - 1] > 0) {
            ensure(1);
            buf[len++] = ',';
        }
        newline(depth);
    }

    private void newline(int indent) throws IOException {
        ensure(1 + 2 * indent);
        buf[len++] = '\n';
        for (int i = 0; i < indent; i++) {
            buf[len++] = ' ';
            buf[len++] = ' ';
        }
    }

    private void raw(String ascii) throws IOException {
        ensure(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            buf[len++] = (byte) ascii.charAt(i);
        }
    }

    /** A quoted string with Jackson's escapes: quote, backslash, b t n f r, other controls as a unicode escape. */
    private void string(String s) throws IOException {
        int n = s.length();
        ensure(2 + n);
        buf[len++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                if (len >= buf.length - 1) {
                    ensure(n - i + 1);
                }
                buf[len++] = (byte) c;
            } else {
                ensure(12 + n - i);
                if (c < 0x80) {
                    escape(c);
                } else if (c < 0x800) {
                    buf[len++] = (byte) (0xC0 | (c >> 6));
                    buf[len++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    // As Jackson does: each half of a pair (and a lone half, which has no UTF-8 form) escaped
                    unicodeEscape(c);
                } else {
                    buf[len++] = (byte) (0xE0 | (c >> 12));
                    buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    buf[len++] = (byte) (0x80 | (c & 0x3F));
                }
            }
        }
        ensure(1);
        buf[len++] = '"';
    }

    private void escape(char c) {
        char short_ = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            default -> 0;
        };
        if (short_ != 0) {
            buf[len++] = '\\';
            buf[len++] = (byte) short_;
        } else {
            unicodeEscape(c);
        }
    }

    private void unicodeEscape(char c) {
        buf[len++] = '\\';
        buf[len++] = 'u';
        buf[len++] = HEX[(c >> 12) & 0xF];
        buf[len++] = HEX[(c >> 8) & 0xF];
        buf[len++] = HEX[(c >> 4) & 0xF];
        buf[len++] = HEX[c & 0xF];
    }

    /** Room for {@code more} bytes: drains the buffer when it is full enough, grows it for one long string. */
    private void ensure(int more) throws IOException {
        if (len + more <= buf.length) {
            return;
        }
        drain();
        if (more > buf.length) {
            buf = new byte[more + FLUSH_AT];
        }
    }

    private void drain() throws IOException {
        if (len > 0) {
            out.write(buf, 0, len);
            len = 0;
        }
    }
}

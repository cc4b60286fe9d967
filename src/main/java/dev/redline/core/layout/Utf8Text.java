package dev.redline.core.layout;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decides whether bytes are text we can analyse and decodes them. Decoding is strict: a script that is not valid
 * UTF-8 would otherwise be analysed with replacement characters where its identifiers or strings are, and offsets
 * would no longer match what the user's editor shows.
 */
final class Utf8Text {

    /** How much of the start of a file is sniffed for binary content (as {@code git} and {@code grep} do). */
    static final int SNIFF = 8 * 1024;
    /** Above this share of control bytes in the sniffed part, the file is taken for binary. */
    private static final double CONTROL_SHARE = 0.10;

    private Utf8Text() {
    }

    /** Why the bytes look binary, or {@code null} when they look like text. */
    static String binaryReason(byte[] bytes) {
        int n = Math.min(bytes.length, SNIFF);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return "a NUL byte at offset " + i;
            }
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) || b == 0x7F) {
                control++;
            }
        }
        if (n > 0 && control > n * CONTROL_SHARE) {
            return String.format(Locale.ROOT, "%d%% control characters in its first %d bytes",
                    Math.round(100.0 * control / n), n);
        }
        return null;
    }

    /** The decoded text, or the first bad byte's position when the bytes are not valid UTF-8. */
    record Decoded(String text, int badOffset, int badByte, int badLine) {
        boolean ok() {
            return text != null;
        }
    }

    static Decoded decode(byte[] bytes) {
        // Fast path: the JDK's own decoding (vectorised for ASCII, which nearly every migration is) replaces each
        // malformed sequence by U+FFFD, so a result without U+FFFD proves the bytes were valid UTF-8. A text that
        // holds U+FFFD (malformed, or written as such) takes the strict decoder, which says where the error is.
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return new Decoded(fast, -1, -1, -1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never yields more UTF-16 units than bytes
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            return new Decoded(null, offset, offset < bytes.length ? bytes[offset] & 0xFF : -1, line);
        }
        out.flip();
        // A BOM stays in the text as U+FEFF: the lexer skips it, and offsets keep matching the editor's.
        return new Decoded(out.toString(), -1, -1, -1);
    }
}

package dev.redline.core.layout;

import dev.redline.core.model.Direction;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Which goose and dbmate markers a file holds. Those two tools are recognised by content, not by name, so the
 * detector has to peek inside every .sql file that no name-based layout claimed.
 */
record FileMarkers(boolean gooseUp, boolean gooseDown, boolean dbmateUp, boolean dbmateDown) {

    static final FileMarkers NONE = new FileMarkers(false, false, false, false);

    /** Markers sit at the top of a file; a file with none in its first MiB is taken to have none at all. */
    private static final int HEAD = 1 << 20;
    /** Files above this are not analysed anyway (see {@link ScriptLoader}); no point reading them whole. */
    private static final int MAX = ScriptLoader.MAX_BYTES;

    /** Whether "goose" (any case) or "migrate:" occurs at all: both marker kinds contain one of them. */
    static boolean mentionsMarkers(byte[] bytes) {
        for (int i = 0; i + 5 <= bytes.length; i++) {
            int b = bytes[i] | 0x20;
            if (b == 'g' && (bytes[i + 1] | 0x20) == 'o' && (bytes[i + 2] | 0x20) == 'o' && (bytes[i + 3] | 0x20) == 's'
                    && (bytes[i + 4] | 0x20) == 'e') {
                return true;
            }
            if (b == 'm' && i + 8 <= bytes.length && bytes[i + 1] == 'i' && bytes[i + 2] == 'g' && bytes[i + 3] == 'r'
                    && bytes[i + 4] == 'a' && bytes[i + 5] == 't' && bytes[i + 6] == 'e' && bytes[i + 7] == ':') {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the file's markers, and offers the bytes to {@code readAhead} when the read took the whole file. An
     * unreadable file has none (the loader reports why it cannot be read).
     */
    static FileMarkers of(Path file, ReadAhead readAhead) {
        try (InputStream in = new FileInputStream(file.toFile())) {
            // Sized by the file's length, so a small file (nearly all) is one read into an array of its size.
            byte[] head = in.readNBytes(HEAD);
            if (head.length < HEAD) {
                readAhead.offer(file, head);
            }
            FileMarkers found = scan(head);
            if ((found.gooseUp || found.dbmateUp) && head.length == HEAD) {
                // A big migration: its Down marker may be far below, so read the rest too.
                byte[] rest = in.readNBytes(MAX - HEAD);
                byte[] all = new byte[head.length + rest.length];
                System.arraycopy(head, 0, all, 0, head.length);
                System.arraycopy(rest, 0, all, head.length, rest.length);
                found = scan(all);
            }
            return found;
        } catch (IOException e) {
            return NONE;
        }
    }

    private static FileMarkers scan(byte[] bytes) {
        if (!mentionsMarkers(bytes)) {
            return NONE; // nearly every file: no need to look at its lines
        }
        boolean gu = false;
        boolean gd = false;
        boolean du = false;
        boolean dd = false;
        int n = bytes.length;
        int i = startsWithBom(bytes) ? 3 : 0;
        while (i < n) {
            int end = i;
            while (end < n && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            int s = i;
            while (s < end && (bytes[s] == ' ' || bytes[s] == '\t')) {
                s++;
            }
            // Markers are comment lines; only those become strings. Markers are ASCII, so a byte-for-char
            // decoding finds them whatever the file's encoding.
            if (s + 1 < end && bytes[s] == '-' && bytes[s + 1] == '-' && markerAfterDashes(bytes, s + 2, end)) {
                String line = new String(bytes, i, end - i, StandardCharsets.ISO_8859_1);
                GooseAnnotation g = GooseAnnotation.parse(line);
                if (g == GooseAnnotation.UP) {
                    gu = true;
                } else if (g == GooseAnnotation.DOWN) {
                    gd = true;
                } else if (g == null) {
                    DbmateMarker d = DbmateMarker.parse(line);
                    if (d != null) {
                        if (d.direction() == Direction.UP) {
                            du = true;
                        } else {
                            dd = true;
                        }
                    }
                }
            }
            i = end;
            if (i < n) {
                i += bytes[i] == '\r' && i + 1 < n && bytes[i + 1] == '\n' ? 2 : 1; // \n, \r\n or a lone \r
            }
        }
        return new FileMarkers(gu, gd, du, dd);
    }

    /**
     * Whether the comment text from {@code from} (just past the dashes) can be a marker: after blanks, {@code +goose}
     * (goose) or {@code migrate:} (dbmate). Every other comment line is turned down without becoming a string.
     */
    private static boolean markerAfterDashes(byte[] bytes, int from, int end) {
        int k = from;
        while (k < end && Character.isWhitespace((char) (bytes[k] & 0xFF))) { // as the parsers' stripLeading and \s
            k++;
        }
        return startsWith(bytes, k, end, "+goose") || startsWith(bytes, k, end, "migrate:");
    }

    private static boolean startsWith(byte[] bytes, int at, int end, String ascii) {
        if (end - at < ascii.length()) {
            return false;
        }
        for (int j = 0; j < ascii.length(); j++) {
            if (bytes[at + j] != ascii.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** A UTF-8 byte-order mark: the first line's marker comes after it. */
    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }
}

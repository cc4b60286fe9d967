package dev.redline.dryrun;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Flyway's checksum of a SQL migration, computed as Flyway 11's {@code ChecksumCalculator} does: a CRC32 over the
 * UTF-8 bytes of every line, without its line break (a line ends at {@code \n}, {@code \r} or {@code \r\n}, as
 * {@code BufferedReader.readLine} reads them), after removing a byte-order mark from the start of each line;
 * the result is the CRC's low 32 bits as a signed {@code int}, as stored in {@code flyway_schema_history.checksum}.
 * Line endings therefore do not change the checksum, but any other edit does.
 */
public final class FlywayChecksum {

    private FlywayChecksum() {
    }

    public static int of(String text) {
        CRC32 crc = new CRC32();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int end = i;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(i, end);
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            crc.update(line.getBytes(StandardCharsets.UTF_8));
            if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
                end++;
            }
            i = end + 1;
        }
        return (int) crc.getValue();
    }
}

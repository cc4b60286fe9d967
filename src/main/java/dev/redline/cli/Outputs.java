package dev.redline.cli;

import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/** Output streams for reports. */
final class Outputs {

    private Outputs() {
    }

    /**
     * A buffered stream over the process's standard output, which Java flushes at every line (a system call per line
     * of a report with tens of thousands of them), in the encoding {@code System.out} itself uses. Any other stream
     * is returned as it is. Flush the result when done.
     */
    static PrintStream buffered(PrintStream out) {
        if (out != System.out) {
            return out;
        }
        return new PrintStream(new BufferedOutputStream(out, 1 << 16), false, stdoutCharset());
    }

    /** {@code System.out}'s encoding: {@code stdout.encoding} (Java 19+), {@code sun.stdout.encoding}, the default. */
    private static Charset stdoutCharset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null) {
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    // as System.out does: fall back to the default
                }
            }
        }
        return Charset.defaultCharset();
    }
}

package dev.redline.cli;

import dev.redline.cli.CheckReport.CheckedPath;
import java.io.IOException;
import java.io.PrintStream;

/**
 * A reporter that prints each PATH as soon as it is checked and the totals at the end, so printing one PATH overlaps
 * checking the next. The calls come in order, from one thread at a time: {@link #begin}, {@link #path} once per
 * PATH in argument order, {@link #end} with the whole report. An instance serves one run.
 */
interface StreamingReporter extends Reporter {

    void begin(int paths, PrintStream out) throws IOException;

    void path(CheckedPath checked, PrintStream out) throws IOException;

    void end(CheckReport report, PrintStream out) throws IOException;

    @Override
    default void write(CheckReport report, PrintStream out) throws IOException {
        begin(report.paths().size(), out);
        for (CheckedPath checked : report.paths()) {
            path(checked, out);
        }
        end(report, out);
    }
}

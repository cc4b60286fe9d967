package dev.redline.cli;

import dev.redline.dryrun.DryRunReport;
import java.io.IOException;
import java.io.PrintStream;

/** Renders a finished dry-run in one output format. Reporters only format: every verdict is in the report. */
interface DryRunReporter {

    void write(DryRunReport report, PrintStream out) throws IOException;
}

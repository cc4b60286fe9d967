package dev.redline.cli;

import java.io.IOException;
import java.io.PrintStream;

/** Renders a finished check in one output format. Reporters only format: every count and verdict is in the report. */
interface Reporter {

    void write(CheckReport report, PrintStream out) throws IOException;
}

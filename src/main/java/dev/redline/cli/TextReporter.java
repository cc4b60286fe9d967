package dev.redline.cli;

import dev.redline.cli.CheckReport.CheckedPath;
import dev.redline.cli.CheckReport.Summary;
import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.analysis.ProjectAnalysis.PathError;
import dev.redline.core.model.Finding;
import dev.redline.core.model.ScriptProblem;
import dev.redline.core.sql.SourceText;
import dev.redline.review.ReviewState;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiler-style text: one diagnostic per finding with the source line and its span underlined, the files that
 * could not be read, and a summary. Paths are relative to the PATH argument they were found under.
 */
final class TextReporter implements StreamingReporter {

    private boolean several;

    @Override
    public void begin(int paths, PrintStream out) {
        several = paths > 1;
    }

    @Override
    public void path(CheckedPath checked, PrintStream out) {
        if (several) {
            out.println("==> " + checked.argument() + " <==");
        }
        for (PathError error : checked.analysis().errors()) {
            out.println(error.path() + ": error: " + error.message());
        }
        for (MigrationAnalysis migration : checked.analysis().migrations()) {
            writeMigration(migration, out);
        }
    }

    @Override
    public void end(CheckReport report, PrintStream out) {
        writeSummary(report, out);
    }

    private static void writeMigration(MigrationAnalysis migration, PrintStream out) {
        String path = migration.migration().relativePath();
        for (ScriptProblem problem : migration.errors()) {
            String where = problem.line() == null ? path : path + ":" + problem.line();
            out.println(where + ": error: " + problem.message());
        }
        for (Finding finding : migration.findings()) {
            out.println(path + ":" + finding.line() + ":" + finding.column() + ": " + finding.severity().id()
                    + "[" + finding.rule() + "] " + finding.message());
            if (migration.source() != null) {
                writeExcerpt(migration.source(), finding, out);
            }
            if (finding.hint() != null && !finding.hint().isBlank()) {
                out.println("  = hint: " + finding.hint());
            }
        }
    }

    /** The finding's first line, and under it {@code ^~~~} marking the span's part on that line. */
    private static void writeExcerpt(SourceText source, Finding finding, PrintStream out) {
        if (finding.line() < 1 || finding.line() > source.lineCount()) {
            return;
        }
        String line = source.lineText(finding.line());
        String gutter = gutter(finding.line());
        out.println(gutter + line);

        int from = Math.max(0, Math.min(finding.column() - 1, line.length()));
        int spanOnLine = finding.endLine() > finding.line()
                ? line.length() - from
                : finding.end() - finding.start();
        int to = Math.max(from + 1, Math.min(line.length(), from + spanOnLine));

        StringBuilder marks = new StringBuilder(" ".repeat(gutter.length() - 2)).append("| ");
        for (int i = 0; i < from; i++) {
            // Keep tabs so the marks sit under the same characters however the terminal expands them.
            marks.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        marks.append('^');
        marks.append("~".repeat(to - from - 1));
        out.println(marks);
    }

    /** {@code "%5d | "} without a Formatter per finding. */
    private static String gutter(int line) {
        String n = Integer.toString(line);
        StringBuilder g = new StringBuilder(n.length() + 8);
        for (int i = n.length(); i < 5; i++) {
            g.append(' ');
        }
        return g.append(n).append(" | ").toString();
    }

    private static void writeSummary(CheckReport report, PrintStream out) {
        Summary s = report.summary();
        if (s.findings() > 0 || s.unreadable() > 0) {
            out.println();
        }
        out.println(count(s.migrations(), "migration") + ", " + count(s.findings(), "finding")
                + " (" + s.destructive() + " destructive, " + s.risky() + " risky, " + s.info() + " info), "
                + s.unreadable() + " unreadable");
        writeReviews(report, out);
        String needs = count(s.needsReview(), "migration") + (s.needsReview() == 1 ? " needs" : " need") + " review";
        if (s.gatePasses()) {
            out.println("gate: pass (" + report.mode().id() + " mode)");
        } else if (report.mode() == GateMode.ENFORCE) {
            out.println("gate: fail (enforce mode): " + needs + unreadableNote(s));
        } else {
            out.println("gate: would fail under --mode enforce: " + needs + unreadableNote(s) + " (advisory mode)");
        }
    }

    /** How many migrations are in each review state, then each one that fails the gate and why. */
    private static void writeReviews(CheckReport report, PrintStream out) {
        List<String> counts = new ArrayList<>();
        for (Map.Entry<ReviewState, Integer> e : report.summary().reviews().entrySet()) {
            if (e.getValue() > 0 && e.getKey() != ReviewState.NOT_REQUIRED) {
                counts.add(e.getValue() + " " + e.getKey().id());
            }
        }
        if (counts.isEmpty()) {
            return;
        }
        out.println("reviews: " + String.join(", ", counts));
        for (CheckReport.Blocked b : report.blocked()) {
            out.println("  " + b.migration().migration().relativePath() + ": " + b.review().state().id() + ": "
                    + b.review().reason());
            if (b.review().diff() != null) {
                b.review().diff().lines().forEach(line -> out.println("      " + line));
            }
        }
        if (report.blocked().stream().anyMatch(b -> b.review().state() == ReviewState.MISSING
                || b.review().state() == ReviewState.STALE)) {
            out.println("  sign a migration off with: redline sign MIGRATION --verdict approve|reject --confirm-all");
        }
    }

    private static String unreadableNote(Summary s) {
        return s.unreadable() == 0 ? "" : ", " + s.unreadable() + " could not be read";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

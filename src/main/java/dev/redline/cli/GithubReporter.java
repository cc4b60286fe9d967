package dev.redline.cli;

import dev.redline.cli.CheckReport.CheckedPath;
import dev.redline.cli.CheckReport.Summary;
import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.analysis.ProjectAnalysis.PathError;
import dev.redline.core.model.Finding;
import dev.redline.core.model.ScriptProblem;
import dev.redline.core.model.Severity;
import dev.redline.review.ReviewStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub Actions workflow commands: one annotation per finding
 * ({@code ::error file=…,line=…,col=…,title=…::…}), one per file that could not be read, and the gate's verdict
 * with each migration that fails it and why. Files are named relative to the working directory, which in a workflow
 * is the checkout. Findings of a migration whose review lets the gate pass (approved, or nothing to review) are
 * notices; the others keep their severity: destructive as errors, risky as warnings.
 */
final class GithubReporter implements Reporter {

    private final Path workingDirectory;

    GithubReporter() {
        this(Path.of("").toAbsolutePath());
    }

    GithubReporter(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    @Override
    public void write(CheckReport report, PrintStream out) {
        for (CheckedPath checked : report.paths()) {
            for (PathError error : checked.analysis().errors()) {
                out.println(command("error", null, null, "Redline: cannot read",
                        error.path() + ": " + error.message()));
            }
            List<MigrationAnalysis> migrations = checked.analysis().migrations();
            for (int i = 0; i < migrations.size(); i++) {
                MigrationAnalysis migration = migrations.get(i);
                ReviewStatus review = checked.review(i);
                String file = file(migration.migration().file());
                for (ScriptProblem problem : migration.errors()) {
                    out.println(command("error", file, new Location(problem.line(), null, null),
                            "Redline: unreadable migration", problem.message()));
                }
                for (Finding f : migration.findings()) {
                    String level = review.blocksGate() ? level(f.severity()) : "notice";
                    String title = f.severity().id() + "[" + f.rule() + "] · review " + review.state().id();
                    String hint = f.hint() == null || f.hint().isBlank() ? "" : "\nSafer: " + f.hint();
                    String message = f.message() + hint;
                    out.println(command(level, file, new Location(f.line(), f.endLine(), f.column()), title,
                            message));
                }
            }
        }
        out.println(gate(report));
    }

    private static String gate(CheckReport report) {
        Summary s = report.summary();
        if (s.gatePasses()) {
            return command("notice", null, null, "Redline gate: pass", s.migrations() + " migrations, "
                    + s.findings() + " findings; every migration that needs a review has an approved, current one ("
                    + report.mode().id() + " mode)");
        }
        List<String> lines = new ArrayList<>();
        lines.add(s.needsReview() + " migration" + (s.needsReview() == 1 ? " needs" : "s need")
                + " an approved, current review" + (s.unreadable() == 0 ? "" : ", " + s.unreadable()
                + " could not be read") + " (" + report.mode().id() + " mode)");
        for (CheckReport.Blocked b : report.blocked()) {
            lines.add(b.migration().migration().relativePath() + ": " + b.review().state().id() + ": "
                    + b.review().reason());
        }
        lines.add("Sign off with: redline sign MIGRATION --verdict approve|reject --confirm-all");
        return command(report.mode() == GateMode.ENFORCE ? "error" : "warning", null, null, "Redline gate: fail",
                String.join("\n", lines));
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case DESTRUCTIVE -> "error";
            case RISKY -> "warning";
            case INFO -> "notice";
        };
    }

    private record Location(Integer line, Integer endLine, Integer col) {
    }

    /** {@code ::level file=…,line=…,endLine=…,col=…,title=…::message}, escaped like the Actions toolkit. */
    static String command(String level, String file, Location at, String title, String message) {
        List<String> props = new ArrayList<>();
        if (file != null) {
            props.add("file=" + property(file));
        }
        if (at != null) {
            if (at.line() != null && at.line() >= 1) {
                props.add("line=" + at.line());
                if (at.endLine() != null && at.endLine() >= at.line()) {
                    props.add("endLine=" + at.endLine());
                }
                if (at.col() != null && at.col() >= 1) {
                    props.add("col=" + at.col());
                }
            }
        }
        props.add("title=" + property(title));
        return "::" + level + " " + String.join(",", props) + "::" + data(message);
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    private String file(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}

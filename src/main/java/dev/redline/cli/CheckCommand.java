package dev.redline.cli;

import dev.redline.cli.CheckReport.CheckedPath;
import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.review.ReviewBook;
import dev.redline.review.ReviewException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code redline check}: analyses each PATH, looks up each migration's review, hands the result to the chosen
 * reporter, and turns the gate into an exit code.
 */
final class CheckCommand {

    private final PathAnalyzer analyzer;
    private final boolean projectRules;

    CheckCommand(PathAnalyzer analyzer) {
        this(analyzer, false);
    }

    /**
     * @param projectRules whether {@code analyzer} is Redline's own, to be replaced by one with the project's rule
     *                     settings ({@code rule.<id>=} in {@code .redline/config.properties}) when it has any
     */
    CheckCommand(PathAnalyzer analyzer, boolean projectRules) {
        this.analyzer = analyzer;
        this.projectRules = projectRules;
    }

    ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        CheckOptions options = CheckOptions.parse(args);
        if (options.help()) {
            out.print(CheckOptions.USAGE);
            return ExitCode.OK;
        }
        List<Path> paths = existingPaths(options.paths(), err);
        if (paths == null) {
            return ExitCode.USAGE_OR_IO;
        }

        // Each PATH's repository configuration is read before anything is analysed: an error in it is a usage error.
        List<ReviewBook> books = new ArrayList<>();
        for (Path path : paths) {
            try {
                books.add(ReviewBook.open(path));
            } catch (ReviewException e) {
                err.println("redline: " + e.getMessage());
                return ExitCode.USAGE_OR_IO;
            }
        }
        GateMode mode = options.mode() != null ? options.mode() : configuredMode(books);

        List<CheckedPath> checked = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Path path = paths.get(i);
            ReviewBook book = books.get(i);
            ProjectAnalysis analysis = projectRules && !book.config().rules().isDefault()
                    ? book.analyzer().analyze(path, options.allSql())
                    : analyzer.analyze(path, options.allSql());
            checked.add(new CheckedPath(options.paths().get(i), path, analysis, book.statuses(analysis)));
        }
        CheckReport report = CheckReport.of(checked, mode);

        try {
            options.format().reporter().write(report, out);
            out.flush();
        } catch (IOException e) {
            err.println("redline: cannot write the report: " + e.getMessage());
            return ExitCode.USAGE_OR_IO;
        }
        if (out.checkError()) {
            err.println("redline: cannot write the report to standard output");
            return ExitCode.USAGE_OR_IO;
        }
        return report.failsGate() ? ExitCode.GATE_FAILED : ExitCode.OK;
    }

    /** Without {@code --mode}: enforce when any PATH's project sets {@code mode=enforce}, else advisory. */
    private static GateMode configuredMode(List<ReviewBook> books) {
        for (ReviewBook book : books) {
            if ("enforce".equals(book.config().mode())) {
                return GateMode.ENFORCE;
            }
        }
        return GateMode.ADVISORY;
    }

    /** Resolves every PATH, or names each one that does not exist and returns {@code null}. */
    private static List<Path> existingPaths(List<String> arguments, PrintStream err) {
        List<Path> paths = new ArrayList<>();
        boolean allExist = true;
        for (String argument : arguments) {
            Path path;
            try {
                path = Path.of(argument).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                err.println("redline: not a valid path: " + argument);
                allExist = false;
                continue;
            }
            if (!Files.exists(path)) {
                err.println("redline: no such file or directory: " + argument);
                allExist = false;
                continue;
            }
            paths.add(path);
        }
        return allExist ? paths : null;
    }
}

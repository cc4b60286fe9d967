package dev.redline.cli;

import dev.redline.cli.CheckReport.CheckedPath;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code redline check}: analyses each PATH, hands the result to the chosen reporter, and turns the gate into an exit code. */
final class CheckCommand {

    private final PathAnalyzer analyzer;

    CheckCommand(PathAnalyzer analyzer) {
        this.analyzer = analyzer;
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

        List<CheckedPath> checked = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Path path = paths.get(i);
            checked.add(new CheckedPath(options.paths().get(i), path, analyzer.analyze(path, options.allSql())));
        }
        CheckReport report = CheckReport.of(checked, options.mode());

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

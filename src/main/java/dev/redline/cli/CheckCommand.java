package dev.redline.cli;

import dev.redline.cli.CheckReport.CheckedPath;
import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.layout.LayoutScan;
import dev.redline.review.ReviewBook;
import dev.redline.review.ReviewException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * {@code redline check}: analyses each PATH, looks up each migration's review, hands the result to the chosen
 * reporter, and turns the gate into an exit code.
 */
final class CheckCommand {

    private final PathAnalyzer analyzer;
    private final boolean projectRules;

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

        PrintStream report = Outputs.buffered(out);
        ExitCode code = check(options, paths, books, mode, report, err);
        report.flush();
        if (code == ExitCode.OK || code == ExitCode.GATE_FAILED) {
            if (report.checkError() || out.checkError()) {
                err.println("redline: cannot write the report to standard output");
                return ExitCode.USAGE_OR_IO;
            }
        }
        return code;
    }

    /**
     * Checks every PATH as a pipeline: a scanner thread finds the migrations of the next PATH, this thread
     * analyses them in order, and a printer thread looks up each PATH's reviews and prints it (for reporters that
     * can print PATH by PATH) while the next one is analysed.
     */
    private ExitCode check(CheckOptions options, List<Path> paths, List<ReviewBook> books, GateMode mode,
                           PrintStream out, PrintStream err) {
        Reporter reporter = options.format().reporter();
        StreamingReporter streaming = reporter instanceof StreamingReporter s ? s : null;
        ExecutorService scanner = Executors.newSingleThreadExecutor(daemon("redline-scan"));
        ExecutorService printer = Executors.newSingleThreadExecutor(daemon("redline-print"));
        try {
            // One PATH ahead at most: a scan holds the files it read until they are analysed.
            Future<LayoutScan> nextScan = paths.isEmpty() ? null
                    : scanner.submit(() -> analyzer.scan(paths.get(0), options.allSql()));
            Future<?> printing = streaming == null ? null : printer.submit(() -> {
                streaming.begin(paths.size(), out);
                return null;
            });
            List<Future<CheckedPath>> checked = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                Path path = paths.get(i);
                ReviewBook book = books.get(i);
                LayoutScan scan = nextScan.get();
                if (i + 1 < paths.size()) {
                    Path following = paths.get(i + 1);
                    nextScan = scanner.submit(() -> analyzer.scan(following, options.allSql()));
                }
                ProjectAnalysis analysis;
                if (projectRules && !book.config().rules().isDefault()) {
                    analysis = scan != null ? book.analyzer().analyze(path, scan)
                            : book.analyzer().analyze(path, options.allSql());
                } else {
                    analysis = scan != null ? analyzer.analyze(path, scan) : analyzer.analyze(path, options.allSql());
                }
                String argument = options.paths().get(i);
                checked.add(printer.submit(() -> {
                    CheckedPath c = new CheckedPath(argument, path, analysis, book.statuses(analysis));
                    if (streaming != null) {
                        streaming.path(c, out);
                    }
                    return c;
                }));
            }
            List<CheckedPath> done = new ArrayList<>();
            for (Future<CheckedPath> f : checked) {
                done.add(f.get());
            }
            CheckReport report = CheckReport.of(done, mode);
            if (printing != null) {
                printing.get();
                streaming.end(report, out);
            } else {
                reporter.write(report, out);
            }
            return report.failsGate() ? ExitCode.GATE_FAILED : ExitCode.OK;
        } catch (IOException e) {
            err.println("redline: cannot write the report: " + e.getMessage());
            return ExitCode.USAGE_OR_IO;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                err.println("redline: cannot write the report: " + io.getMessage());
                return ExitCode.USAGE_OR_IO;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("redline: interrupted");
            return ExitCode.USAGE_OR_IO;
        } finally {
            scanner.shutdownNow();
            printer.shutdownNow();
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
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

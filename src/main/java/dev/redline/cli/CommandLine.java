package dev.redline.cli;

import dev.redline.core.RedlineVersion;
import dev.redline.dryrun.Profiles;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Decides what a command line asks for, and runs the headless commands. Nothing here touches JavaFX: the launcher
 * asks {@link #opensWorkbench} first and starts the workbench itself, so CLI runs never load a JavaFX class.
 */
public final class CommandLine {

    static final String USAGE = """
            usage: redline [PROJECT]                 open the workbench (on PROJECT, a folder or .sql file)
                   redline check [OPTIONS] PATH...   review migrations headless, for CI
                   redline dry-run --db JDBC_URL [OPTIONS] [PROJECT_DIR]
                                                     run pending migrations on a clone and roll back
                   redline sample [DIR]              copy the sample project under DIR and print its path
                   redline --version
                   redline --help

            check options:
              --all-sql        treat every .sql file under a folder as a plain migration, whatever the layout
              --format FORMAT  text (default), json, sarif, or github (workflow annotations)
              --mode MODE      advisory: report only, exit 0
                               enforce: exit 1 when a migration needs an approved, current review
                               or could not be read (default: mode= in .redline/config.properties)

            sign and review:
                   redline sign MIGRATION --verdict approve|reject [--note TEXT]
                                [--reviewer "Name <email>"] [--dry-run-report FILE] --confirm-all
                                                     record a sign-off next to the migration
                   redline review MIGRATION [--format markdown|json]
                                                     show a migration's review (Markdown for a PR)

            dry-run: see 'redline dry-run --help'

            exit codes: 0 nothing blocks, 1 gate failed (enforce mode), 2 usage error or missing PATH,
                        3 internal error
            """;

    private final PathAnalyzer analyzer;
    /** Whether the analyzer is Redline's own, so a project's rule settings apply (a test's fake stays as given). */
    private final boolean projectRules;

    public CommandLine() {
        this(PathAnalyzer.standard(), true);
    }

    CommandLine(PathAnalyzer analyzer) {
        this(analyzer, false);
    }

    private CommandLine(PathAnalyzer analyzer, boolean projectRules) {
        this.analyzer = analyzer;
        this.projectRules = projectRules;
    }

    /**
     * Whether these arguments ask for the workbench rather than a headless command: no arguments, or a first
     * argument that names an existing folder or file and is not an option.
     */
    public static boolean opensWorkbench(String[] args) {
        if (args.length == 0) {
            return true;
        }
        String first = args[0];
        return !first.startsWith("-") && !isCommand(first) && exists(first);
    }

    /** Runs a headless command line and returns its exit code. Never calls {@code System.exit}. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return dispatch(args, out, err).code();
        } catch (UsageException e) {
            err.println("redline: " + e.getMessage());
            err.println("Try 'redline --help'.");
            return ExitCode.USAGE_OR_IO.code();
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            // Never let a crash exit with the JVM's 1, which a CI script would read as "the gate failed".
            err.println("redline: internal error, please report it: " + e);
            e.printStackTrace(err);
            return ExitCode.INTERNAL_ERROR.code();
        }
    }

    private ExitCode dispatch(String[] args, PrintStream out, PrintStream err) throws UsageException {
        if (args.length == 0) {
            throw new UsageException("no command given (the workbench opens only from the launcher)");
        }
        String first = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (first) {
            case "check":
                return new CheckCommand(analyzer, projectRules).run(rest, out, err);
            case "dry-run":
                return new DryRunCommand(System.getenv(), Profiles.forCurrentUser()).run(rest, out, err);
            case "sample":
                return SampleCommand.run(rest, out, err);
            case "sign":
                return new SignCommand(SignPrompter.forConsole(System.console())).run(rest, out, err);
            case "review":
                return new ReviewCommand().run(rest, out, err);
            case "--version":
                out.println("redline " + RedlineVersion.current());
                return ExitCode.OK;
            case "-h":
            case "--help":
                out.print(USAGE);
                return ExitCode.OK;
            default:
                if (first.startsWith("-")) {
                    throw new UsageException("unknown option '" + first + "'");
                }
                throw new UsageException("'" + first + "' is neither a command nor an existing folder or file");
        }
    }

    private static boolean isCommand(String arg) {
        return arg.equals("check") || arg.equals("dry-run") || arg.equals("sign") || arg.equals("review")
                || arg.equals("sample");
    }

    private static boolean exists(String arg) {
        try {
            return Files.exists(Path.of(arg));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}

package dev.redline.cli;

import dev.redline.sample.SampleProject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code redline sample [DIR]}: copies the bundled sample project into a new folder under DIR (the current folder by
 * default) and prints that folder's path alone on standard output, so {@code redline check "$(redline sample)"}
 * works.
 */
final class SampleCommand {

    static final String USAGE = """
            usage: redline sample [DIR]

            Copies Redline's sample project (a Flyway project with seed data and a migration that loses data)
            into a new folder redline-sample under DIR (default: the current folder; redline-sample-2, ... if
            taken) and prints the new folder's path.
            """;

    private SampleCommand() {
    }

    static ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        if (args.size() == 1 && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
            out.print(USAGE);
            return ExitCode.OK;
        }
        if (args.size() > 1) {
            throw new UsageException("sample takes at most one DIR");
        }
        if (args.size() == 1 && args.get(0).startsWith("-")) {
            throw new UsageException("unknown option '" + args.get(0) + "' for sample");
        }
        Path dir;
        try {
            dir = Path.of(args.isEmpty() ? "." : args.get(0));
        } catch (InvalidPathException e) {
            throw new UsageException("'" + args.get(0) + "' is not a valid folder name");
        }
        try {
            out.println(SampleProject.extractTo(dir));
        } catch (IOException e) {
            err.println("redline: cannot write the sample project under " + dir + ": " + e);
            return ExitCode.USAGE_OR_IO;
        }
        return ExitCode.OK;
    }
}

package dev.redline.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the command line, with its output captured. Tests of other packages use it too. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun run(String... args) {
        return run(new CommandLine(), args);
    }

    static CliRun run(CommandLine commandLine, String... args) {
        return capture((out, err) -> commandLine.run(args, out, err));
    }

    /** What a command (run over standard output and error, returning its exit code) printed. */
    @FunctionalInterface
    interface Command {
        int run(PrintStream out, PrintStream err) throws Exception;
    }

    static CliRun capture(Command command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = command.run(o, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}

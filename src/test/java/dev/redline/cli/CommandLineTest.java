package dev.redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    /** These tests must never reach the analyzer: they are about the command line itself. */
    private static final CommandLine NO_ANALYSIS = new CommandLine((path, allSql) -> fail("analyzer called"));

    @TempDir
    Path dir;

    @Test
    void versionPrintsTheBuiltVersion() {
        CliRun run = CliRun.run(NO_ANALYSIS, "--version");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().matches("redline [0-9][^\\s$]*\\R"), run::toString);
        assertEquals("", run.err());
    }

    @Test
    void helpListsTheCommandsAndCheckOptions() {
        for (String flag : new String[] {"--help", "-h"}) {
            CliRun run = CliRun.run(NO_ANALYSIS, flag);
            assertEquals(0, run.exitCode(), run::toString);
            for (String expected : new String[] {"check", "--all-sql", "--format", "--mode", "--version"}) {
                assertTrue(run.out().contains(expected), () -> "help lacks " + expected + "\n" + run);
            }
        }
    }

    @Test
    void checkHelpIsNotAnError() {
        CliRun run = CliRun.run(NO_ANALYSIS, "check", "--help");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("usage: redline check"), run::toString);
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.run(NO_ANALYSIS, "--frobnicate");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--frobnicate"), run::toString);
        assertEquals("", run.out());
    }

    @Test
    void unknownWordIsAUsageError() {
        CliRun run = CliRun.run(NO_ANALYSIS, "chekc");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("chekc"), run::toString);
    }

    @Test
    void signAndReviewAreUsageErrorsWithoutAMigration() {
        assertUsageError("sign needs a MIGRATION", "sign", "--verdict", "approve", "--confirm-all");
        assertUsageError("sign needs --verdict approve or --verdict reject", "sign", dir.toString(), "--confirm-all");
        assertUsageError("unknown --verdict 'lgtm'", "sign", dir.toString(), "--verdict", "lgtm");
        assertUsageError("unknown option '--force' for sign", "sign", dir.toString(), "--force");
        assertUsageError("no such migration file", "sign", dir.toString(), "--verdict", "approve", "--confirm-all");
        assertUsageError("review needs a MIGRATION", "review");
        assertUsageError("unknown --format 'html' for review", "review", "x.sql", "--format", "html");
        assertUsageError("no such migration file", "review", dir.resolve("missing.sql").toString());
        assertEquals(0, CliRun.run(NO_ANALYSIS, "sign", "--help").exitCode());
        assertEquals(0, CliRun.run(NO_ANALYSIS, "review", "--help").exitCode());
        assertTrue(CliRun.run(NO_ANALYSIS, "--help").out().contains("redline sign MIGRATION --verdict approve|reject"));
        assertFalse(CommandLine.opensWorkbench(new String[] {"review"}), "review is a command, not a folder");
    }

    private static void assertUsageError(String expected, String... args) {
        CliRun run = CliRun.run(NO_ANALYSIS, args);
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains(expected), () -> "expected \"" + expected + "\" in\n" + run);
        assertEquals("", run.out(), run::toString);
    }

    @Test
    void unknownCheckOptionIsAUsageError() {
        CliRun run = CliRun.run(NO_ANALYSIS, "check", "--strict", dir.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--strict"), run::toString);
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertEquals(2, CliRun.run(NO_ANALYSIS, "check", "--format", "xml", dir.toString()).exitCode());
        assertEquals(2, CliRun.run(NO_ANALYSIS, "check", "--mode=strict", dir.toString()).exitCode());
        assertEquals(2, CliRun.run(NO_ANALYSIS, "check", dir.toString(), "--format").exitCode());
        assertEquals(2, CliRun.run(NO_ANALYSIS, "check", "--all-sql=yes", dir.toString()).exitCode());
    }

    @Test
    void checkWithoutPathIsAUsageError() {
        CliRun run = CliRun.run(NO_ANALYSIS, "check", "--mode", "enforce");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("PATH"), run::toString);
    }

    @Test
    void missingPathIsNamedAndNothingIsAnalysed() {
        String missing = dir.resolve("no-such-folder").toString();
        CliRun run = CliRun.run(NO_ANALYSIS, "check", dir.toString(), missing);
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains(missing), run::toString);
        assertEquals("", run.out());
    }

    @Test
    void workbenchOpensWithoutArgumentsOrOnAnExistingPath() throws IOException {
        Path file = Files.writeString(dir.resolve("V1__init.sql"), "create table t (id int);\n");
        assertTrue(CommandLine.opensWorkbench(new String[0]));
        assertTrue(CommandLine.opensWorkbench(new String[] {dir.toString()}));
        assertTrue(CommandLine.opensWorkbench(new String[] {file.toString()}));
    }

    @Test
    void commandsOptionsAndMissingPathsStayHeadless() {
        assertFalse(CommandLine.opensWorkbench(new String[] {"check", dir.toString()}));
        assertFalse(CommandLine.opensWorkbench(new String[] {"--version"}));
        assertFalse(CommandLine.opensWorkbench(new String[] {"--help"}));
        assertFalse(CommandLine.opensWorkbench(new String[] {"-h"}));
        assertFalse(CommandLine.opensWorkbench(new String[] {"--frobnicate"}));
        assertFalse(CommandLine.opensWorkbench(new String[] {dir.resolve("missing").toString()}));
    }
}

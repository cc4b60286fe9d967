package dev.redline.cli;

/**
 * What a headless run's exit status means. Each code means one thing, so a CI script can tell "the migrations need
 * a human" from "the command line is wrong" from "Redline itself broke".
 */
public enum ExitCode {
    /** Nothing blocks: no finding needs sign-off, or the gate is advisory. */
    OK(0),
    /** The gate failed: enforce mode, and a migration needs review or could not be read. */
    GATE_FAILED(1),
    /** The command line is wrong, a PATH does not exist, or the report could not be written. */
    USAGE_OR_IO(2),
    /** Redline itself failed (a bug, or the workbench found no display): nothing was judged. */
    INTERNAL_ERROR(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}

package dev.redline.review;

import dev.redline.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One in-process run of Redline's command line, output captured: what CI and a reviewer's shell would see. */
record Cli(int exitCode, String out, String err) {

    static Cli run(Object... args) {
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = args[i].toString();
        }
        CliRun run = CliRun.run(strings);
        return new Cli(run.exitCode(), run.out(), run.err());
    }

    /** The output parsed as a JSON object. */
    Map<String, Object> json() {
        try {
            return JsonValues.parseObject(out.getBytes(StandardCharsets.UTF_8));
        } catch (JsonValues.Malformed e) {
            throw new AssertionError("not JSON: " + e.getMessage() + "\n" + this, e);
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}

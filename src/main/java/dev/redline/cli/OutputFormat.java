package dev.redline.cli;

import java.util.function.Supplier;

/** The report formats of {@code check}; each is a reporter over the same {@link CheckReport}. */
public enum OutputFormat {
    TEXT("text", TextReporter::new),
    JSON("json", JsonReporter::new),
    SARIF("sarif", SarifReporter::new),
    GITHUB("github", GithubReporter::new);

    private final String id;
    private final Supplier<Reporter> reporter;

    OutputFormat(String id, Supplier<Reporter> reporter) {
        this.id = id;
        this.reporter = reporter;
    }

    public String id() {
        return id;
    }

    Reporter reporter() {
        return reporter.get();
    }

    static OutputFormat fromId(String id) throws UsageException {
        for (OutputFormat f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new UsageException("unknown --format '" + id + "' (expected text, json, sarif or github)");
    }
}

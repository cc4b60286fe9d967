package dev.redline.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.redline.core.RedlineVersion;
import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.review.ReviewBook;
import dev.redline.review.ReviewException;
import dev.redline.review.ReviewJson;
import dev.redline.review.ReviewMarkdown;
import dev.redline.review.ReviewStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code redline review MIGRATION}: a migration's review state and review, as Markdown for a pull request's
 * description or as JSON. Exits 0 whatever the state: it reports, {@code check} judges.
 */
final class ReviewCommand {

    static final String USAGE = """
            usage: redline review MIGRATION [--format markdown|json]

            Shows MIGRATION's review: its state (missing, approved, rejected, stale, not-required, invalid), who
            signed it off when, the six checklist points, the findings and any dry-run evidence.

              --format FORMAT  markdown (default; paste it into a pull request's description) or json
              -h, --help       show this help
            """;

    static final int SCHEMA_VERSION = 1;

    ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        String migration = null;
        String format = "markdown";
        ArgReader r = new ArgReader(args);
        while (r.next()) {
            if (r.isOperand()) {
                if (migration != null) {
                    throw new UsageException("review takes one MIGRATION, not '" + migration + "' and '"
                            + r.argument() + "'");
                }
                migration = r.argument();
                continue;
            }
            switch (r.option()) {
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return ExitCode.OK;
                }
                case "--format" -> {
                    format = r.value();
                    if (!format.equals("markdown") && !format.equals("json")) {
                        throw new UsageException("unknown --format '" + format
                                + "' for review (expected markdown or json)");
                    }
                }
                default -> throw r.unknown("review");
            }
        }
        if (migration == null) {
            throw new UsageException("review needs a MIGRATION (the migration file)");
        }
        Path file;
        try {
            file = Path.of(migration).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException("not a valid path: " + migration);
        }
        if (!Files.isRegularFile(file)) {
            err.println("redline: no such migration file: " + migration);
            return ExitCode.USAGE_OR_IO;
        }
        try {
            ReviewBook book = ReviewBook.open(file);
            List<MigrationAnalysis> analyses = book.analyze(file);
            if (analyses.isEmpty()) {
                err.println("redline: " + migration + " is not a migration Redline recognises");
                return ExitCode.USAGE_OR_IO;
            }
            // A file with a down part has one status per direction; show the one that blocks, if any.
            List<ReviewStatus> statuses = analyses.stream().map(book::status).toList();
            ReviewStatus status = statuses.stream().filter(ReviewStatus::blocksGate).findFirst()
                    .orElse(statuses.get(0));
            String path = book.repositoryPath(file);
            if (format.equals("markdown")) {
                out.print(ReviewMarkdown.render(path, status, analyses));
            } else {
                writeJson(path, status, out);
            }
            out.flush();
            return out.checkError() ? ExitCode.USAGE_OR_IO : ExitCode.OK;
        } catch (ReviewException e) {
            err.println("redline: " + e.getMessage());
            return ExitCode.USAGE_OR_IO;
        } catch (IOException e) {
            err.println("redline: cannot write the review: " + e.getMessage());
            return ExitCode.USAGE_OR_IO;
        }
    }

    private static void writeJson(String path, ReviewStatus status, PrintStream out) throws IOException {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeStringField("migration", path);
            g.writeStringField("review", status.state().id());
            g.writeBooleanField("blocksGate", status.blocksGate());
            g.writeStringField("reason", status.reason());
            JsonOutput.writeNullableString(g, "reviewFile", status.displayFile());
            JsonOutput.writeNullableString(g, "signature",
                    status.signature() == null ? null : status.signature().status().id());
            JsonOutput.writeNullableString(g, "diff", status.diff());
            g.writeFieldName("content");
            if (status.review() == null) {
                g.writeNull();
            } else {
                // The review exactly as its file holds it.
                try (JsonParser p = new JsonFactory().createParser(ReviewJson.write(status.review()))) {
                    p.nextToken();
                    g.copyCurrentStructure(p);
                }
            }
            g.writeStringField("redline", RedlineVersion.current());
            g.writeEndObject();
        }
        out.println();
    }
}

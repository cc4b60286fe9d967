package dev.redline.cli;

import static dev.redline.cli.JsonOutput.writeNullableNumber;
import static dev.redline.cli.JsonOutput.writeNullableString;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.redline.cli.CheckReport.CheckedPath;
import dev.redline.cli.CheckReport.Summary;
import dev.redline.core.analysis.ChecklistAnswer;
import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.analysis.ProjectAnalysis.PathError;
import dev.redline.core.model.Finding;
import dev.redline.core.model.Migration;
import dev.redline.core.model.ScriptProblem;
import dev.redline.review.Review;
import dev.redline.review.ReviewState;
import dev.redline.review.ReviewStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The JSON report, schema version 1. Field names are a public contract (README, "JSON output"): fields may be
 * added, never renamed or removed. Keys are written in a fixed order so the output diffs cleanly.
 */
final class JsonReporter implements Reporter {

    static final int SCHEMA_VERSION = 1;

    @Override
    public void write(CheckReport report, PrintStream out) throws IOException {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeStringField("redline", RedlineVersion.current());

            g.writeArrayFieldStart("migrations");
            for (CheckedPath checked : report.paths()) {
                List<MigrationAnalysis> migrations = checked.analysis().migrations();
                for (int i = 0; i < migrations.size(); i++) {
                    writeMigration(g, checked, migrations.get(i), checked.review(i));
                }
            }
            g.writeEndArray();

            g.writeArrayFieldStart("errors");
            for (CheckedPath checked : report.paths()) {
                for (PathError error : checked.analysis().errors()) {
                    g.writeStartObject();
                    g.writeStringField("path", error.path());
                    g.writeStringField("message", error.message());
                    g.writeStringField("root", checked.argument());
                    g.writeEndObject();
                }
            }
            g.writeEndArray();

            writeSummary(g, report);
            g.writeEndObject();
        }
        out.println();
    }

    private static void writeMigration(JsonGenerator g, CheckedPath checked, MigrationAnalysis analysis,
                                       ReviewStatus review) throws IOException {
        Migration migration = analysis.migration();
        g.writeStartObject();
        g.writeStringField("path", migration.relativePath());
        g.writeStringField("tool", migration.tool().id());
        g.writeStringField("direction", migration.direction().id());
        writeNullableString(g, "sha256", analysis.sha256());
        g.writeNumberField("statements", analysis.statements() == null ? 0 : analysis.statements().size());
        if (analysis.inTransaction() == null) {
            g.writeNullField("inTransaction");
        } else {
            g.writeBooleanField("inTransaction", analysis.inTransaction());
        }

        g.writeArrayFieldStart("checklist");
        for (ChecklistAnswer answer : analysis.checklist()) {
            g.writeStartObject();
            g.writeNumberField("point", answer.point().number());
            g.writeStringField("question", answer.question());
            g.writeStringField("answer", answer.answer());
            g.writeBooleanField("flagged", answer.flagged());
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("findings");
        for (Finding finding : analysis.findings()) {
            writeFinding(g, finding);
        }
        g.writeEndArray();

        g.writeArrayFieldStart("errors");
        for (ScriptProblem problem : analysis.errors()) {
            g.writeStartObject();
            g.writeStringField("message", problem.message());
            writeNullableNumber(g, "line", problem.line());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("review", review.state().id());

        // Additions to the contract: where the migration sits and which PATH argument it was found under.
        writeNullableString(g, "version", migration.version());
        writeNullableString(g, "set", migration.setLabel());
        g.writeStringField("root", checked.argument());
        writeReviewDetail(g, review);
        g.writeEndObject();
    }

    /** Why the migration is in its review state: the review file, who signed it off, what changed since. */
    private static void writeReviewDetail(JsonGenerator g, ReviewStatus status) throws IOException {
        g.writeObjectFieldStart("reviewDetail");
        g.writeBooleanField("blocksGate", status.blocksGate());
        g.writeStringField("reason", status.reason());
        writeNullableString(g, "file", status.displayFile());
        Review review = status.review();
        writeNullableString(g, "verdict", review == null ? null : review.verdict().id());
        writeNullableString(g, "reviewer", review == null ? null : review.reviewer().display());
        writeNullableString(g, "reviewedAt", review == null ? null : review.reviewedAt().toString());
        writeNullableString(g, "reviewedSha256", review == null ? null : review.sha256());
        writeNullableString(g, "signature", status.signature() == null ? null : status.signature().status().id());
        writeNullableString(g, "diff", status.diff());
        g.writeEndObject();
    }

    private static void writeFinding(JsonGenerator g, Finding finding) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", finding.rule());
        writeNullableNumber(g, "checklist", finding.checklist() == 0 ? null : finding.checklist());
        g.writeStringField("severity", finding.severity().id());
        g.writeNumberField("line", finding.line());
        g.writeNumberField("endLine", finding.endLine());
        g.writeNumberField("column", finding.column());
        g.writeNumberField("statement", finding.statement());
        writeNullableString(g, "target", finding.target());
        g.writeStringField("message", finding.message());
        writeNullableString(g, "hint", finding.hint());
        g.writeEndObject();
    }

    private static void writeSummary(JsonGenerator g, CheckReport report) throws IOException {
        Summary s = report.summary();
        g.writeObjectFieldStart("summary");
        g.writeNumberField("migrations", s.migrations());
        g.writeNumberField("findings", s.findings());
        g.writeNumberField("destructive", s.destructive());
        g.writeNumberField("risky", s.risky());
        g.writeNumberField("info", s.info());
        g.writeNumberField("unparsed", s.unparsed());
        g.writeNumberField("unreadable", s.unreadable());
        g.writeNumberField("needsReview", s.needsReview());
        g.writeStringField("gate", s.gatePasses() ? "pass" : "fail");
        g.writeStringField("mode", report.mode().id());
        g.writeObjectFieldStart("reviews");
        for (Map.Entry<ReviewState, Integer> e : s.reviews().entrySet()) {
            g.writeNumberField(e.getKey().id(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}

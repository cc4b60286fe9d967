package dev.redline.cli;

import dev.redline.cli.CheckReport.CheckedPath;
import dev.redline.cli.CheckReport.Summary;
import dev.redline.core.RedlineVersion;
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
final class JsonReporter implements StreamingReporter {

    static final int SCHEMA_VERSION = 1;

    /** Open from {@link #begin} to {@link #end}. */
    private JsonWriter g;

    @Override
    public void begin(int paths, PrintStream out) throws IOException {
        g = new JsonWriter(out);
        g.startObject();
        g.field("schemaVersion", SCHEMA_VERSION);
        g.field("redline", RedlineVersion.current());
        g.name("migrations").startArray();
    }

    @Override
    public void path(CheckedPath checked, PrintStream out) throws IOException {
        List<MigrationAnalysis> migrations = checked.analysis().migrations();
        for (int i = 0; i < migrations.size(); i++) {
            writeMigration(g, checked, migrations.get(i), checked.review(i));
        }
    }

    @Override
    public void end(CheckReport report, PrintStream out) throws IOException {
        g.endArray();

        g.name("errors").startArray();
        for (CheckedPath checked : report.paths()) {
            for (PathError error : checked.analysis().errors()) {
                g.startObject();
                g.field("path", error.path());
                g.field("message", error.message());
                g.field("root", checked.argument());
                g.endObject();
            }
        }
        g.endArray();

        writeSummary(g, report);
        g.endObject();
        g.close();
        out.println();
    }

    private static void writeMigration(JsonWriter g, CheckedPath checked, MigrationAnalysis analysis,
                                       ReviewStatus review) throws IOException {
        Migration migration = analysis.migration();
        g.startObject();
        g.field("path", migration.relativePath());
        g.field("tool", migration.tool().id());
        g.field("direction", migration.direction().id());
        g.field("sha256", analysis.sha256());
        g.field("statements", analysis.statements() == null ? 0 : analysis.statements().size());
        g.field("inTransaction", analysis.inTransaction());

        g.name("checklist").startArray();
        for (ChecklistAnswer answer : analysis.checklist()) {
            g.startObject();
            g.field("point", answer.point().number());
            g.field("question", answer.question());
            g.field("answer", answer.answer());
            g.field("flagged", answer.flagged());
            g.endObject();
        }
        g.endArray();

        g.name("findings").startArray();
        for (Finding finding : analysis.findings()) {
            writeFinding(g, finding);
        }
        g.endArray();

        g.name("errors").startArray();
        for (ScriptProblem problem : analysis.errors()) {
            g.startObject();
            g.field("message", problem.message());
            g.field("line", problem.line());
            g.endObject();
        }
        g.endArray();
        g.field("review", review.state().id());

        // Additions to the contract: where the migration sits and which PATH argument it was found under.
        g.field("version", migration.version());
        g.field("set", migration.setLabel());
        g.field("root", checked.argument());
        writeReviewDetail(g, review);
        g.endObject();
    }

    /** Why the migration is in its review state: the review file, who signed it off, what changed since. */
    private static void writeReviewDetail(JsonWriter g, ReviewStatus status) throws IOException {
        g.name("reviewDetail").startObject();
        g.field("blocksGate", status.blocksGate());
        g.field("reason", status.reason());
        g.field("file", status.displayFile());
        Review review = status.review();
        g.field("verdict", review == null ? null : review.verdict().id());
        g.field("reviewer", review == null ? null : review.reviewer().display());
        g.field("reviewedAt", review == null ? null : review.reviewedAt().toString());
        g.field("reviewedSha256", review == null ? null : review.sha256());
        g.field("signature", status.signature() == null ? null : status.signature().status().id());
        g.field("diff", status.diff());
        g.endObject();
    }

    private static void writeFinding(JsonWriter g, Finding finding) throws IOException {
        g.startObject();
        g.field("rule", finding.rule());
        g.field("checklist", finding.checklist() == 0 ? null : Integer.valueOf(finding.checklist()));
        g.field("severity", finding.severity().id());
        g.field("line", finding.line());
        g.field("endLine", finding.endLine());
        g.field("column", finding.column());
        g.field("statement", finding.statement());
        g.field("target", finding.target());
        g.field("message", finding.message());
        g.field("hint", finding.hint());
        g.endObject();
    }

    private static void writeSummary(JsonWriter g, CheckReport report) throws IOException {
        Summary s = report.summary();
        g.name("summary").startObject();
        g.field("migrations", s.migrations());
        g.field("findings", s.findings());
        g.field("destructive", s.destructive());
        g.field("risky", s.risky());
        g.field("info", s.info());
        g.field("unparsed", s.unparsed());
        g.field("unreadable", s.unreadable());
        g.field("needsReview", s.needsReview());
        g.field("gate", s.gatePasses() ? "pass" : "fail");
        g.field("mode", report.mode().id());
        g.name("reviews").startObject();
        for (Map.Entry<ReviewState, Integer> e : s.reviews().entrySet()) {
            g.field(e.getKey().id(), e.getValue());
        }
        g.endObject();
        g.endObject();
    }
}

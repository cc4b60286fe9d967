package dev.redline.cli;

import static dev.redline.cli.JsonOutput.writeNullableString;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.redline.cli.CheckReport.CheckedPath;
import dev.redline.core.RedlineVersion;
import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.analysis.ProjectAnalysis.PathError;
import dev.redline.core.model.Finding;
import dev.redline.core.model.ScriptProblem;
import dev.redline.core.model.Severity;
import dev.redline.review.ReviewStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal SARIF 2.1.0 log, for code-scanning uploads: one run, one result per finding, and the files that could
 * not be read as tool execution notifications. Artifact URIs are relative to the working directory when the file
 * lies under it (how CI checkouts are scanned), absolute {@code file:} URIs otherwise.
 */
final class SarifReporter implements Reporter {

    private final Path workingDirectory;

    SarifReporter() {
        this(Path.of("").toAbsolutePath());
    }

    SarifReporter(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    @Override
    public void write(CheckReport report, PrintStream out) throws IOException {
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (CheckedPath checked : report.paths()) {
            for (MigrationAnalysis migration : checked.analysis().migrations()) {
                for (Finding finding : migration.findings()) {
                    ruleIndex.putIfAbsent(finding.rule(), ruleIndex.size());
                }
            }
        }

        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();

            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "Redline");
            g.writeStringField("version", RedlineVersion.current());
            g.writeArrayFieldStart("rules");
            for (String rule : ruleIndex.keySet()) {
                g.writeStartObject();
                g.writeStringField("id", rule);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();

            g.writeArrayFieldStart("results");
            for (CheckedPath checked : report.paths()) {
                List<MigrationAnalysis> migrations = checked.analysis().migrations();
                for (int i = 0; i < migrations.size(); i++) {
                    for (Finding finding : migrations.get(i).findings()) {
                        writeResult(g, migrations.get(i), checked.review(i), finding, ruleIndex.get(finding.rule()));
                    }
                }
            }
            g.writeEndArray();

            writeInvocation(g, report);
            writeRunProperties(g, report);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
    }

    private void writeResult(JsonGenerator g, MigrationAnalysis migration, ReviewStatus review, Finding finding,
                             int ruleIndex) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", finding.rule());
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", level(finding.severity()));
        g.writeObjectFieldStart("message");
        g.writeStringField("text", finding.hint() == null || finding.hint().isBlank()
                ? finding.message()
                : finding.message() + " Safer: " + finding.hint());
        g.writeEndObject();

        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        writeArtifact(g, migration);
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", finding.line());
        g.writeNumberField("startColumn", finding.column());
        g.writeNumberField("endLine", finding.endLine());
        if (migration.source() != null) {
            g.writeNumberField("endColumn", migration.source().column(finding.end()));
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();

        g.writeObjectFieldStart("properties");
        g.writeStringField("severity", finding.severity().id());
        if (finding.checklist() != 0) {
            g.writeNumberField("checklist", finding.checklist());
        }
        writeNullableString(g, "target", finding.target());
        g.writeStringField("direction", migration.migration().direction().id());
        g.writeStringField("review", review.state().id());
        g.writeEndObject();
        if (review.approvedAndCurrent() && !review.blocksGate()) {
            // A human signed this exact migration off: code scanning shows the finding as accepted, not open.
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "external");
            g.writeStringField("status", "accepted");
            g.writeStringField("justification", review.reason());
            if (review.displayFile() != null) {
                g.writeObjectFieldStart("location");
                g.writeObjectFieldStart("physicalLocation");
                g.writeObjectFieldStart("artifactLocation");
                g.writeStringField("uri", uri(review.file()));
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** The gate's verdict and each migration that fails it, in the run's property bag. */
    private static void writeRunProperties(JsonGenerator g, CheckReport report) throws IOException {
        g.writeObjectFieldStart("properties");
        g.writeStringField("gate", report.summary().gatePasses() ? "pass" : "fail");
        g.writeStringField("mode", report.mode().id());
        g.writeArrayFieldStart("blocked");
        for (CheckReport.Blocked b : report.blocked()) {
            g.writeStartObject();
            g.writeStringField("path", b.migration().migration().relativePath());
            g.writeStringField("review", b.review().state().id());
            g.writeStringField("reason", b.review().reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Unreadable files and folders are failures of the run, not results: SARIF calls them notifications. */
    private void writeInvocation(JsonGenerator g, CheckReport report) throws IOException {
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", true);
        g.writeArrayFieldStart("toolExecutionNotifications");
        for (CheckedPath checked : report.paths()) {
            for (PathError error : checked.analysis().errors()) {
                g.writeStartObject();
                g.writeStringField("level", "error");
                g.writeObjectFieldStart("message");
                g.writeStringField("text", error.path() + ": " + error.message());
                g.writeEndObject();
                g.writeEndObject();
            }
            for (MigrationAnalysis migration : checked.analysis().migrations()) {
                for (ScriptProblem problem : migration.errors()) {
                    g.writeStartObject();
                    g.writeStringField("level", "error");
                    g.writeObjectFieldStart("message");
                    g.writeStringField("text", problem.message());
                    g.writeEndObject();
                    g.writeArrayFieldStart("locations");
                    g.writeStartObject();
                    g.writeObjectFieldStart("physicalLocation");
                    writeArtifact(g, migration);
                    if (problem.line() != null) {
                        g.writeObjectFieldStart("region");
                        g.writeNumberField("startLine", problem.line());
                        g.writeEndObject();
                    }
                    g.writeEndObject();
                    g.writeEndObject();
                    g.writeEndArray();
                    g.writeEndObject();
                }
            }
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
    }

    private void writeArtifact(JsonGenerator g, MigrationAnalysis migration) throws IOException {
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(migration.migration().file()));
        g.writeEndObject();
    }

    private String uri(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(workingDirectory)) {
            StringBuilder relative = new StringBuilder();
            for (Path part : workingDirectory.relativize(absolute)) {
                if (relative.length() > 0) {
                    relative.append('/');
                }
                relative.append(part);
            }
            try {
                // The multi-argument constructor percent-encodes spaces and the like, but leaves '/' alone.
                return new URI(null, null, relative.toString(), null, null).toASCIIString();
            } catch (URISyntaxException e) {
                return absolute.toUri().toString();
            }
        }
        return absolute.toUri().toString();
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case DESTRUCTIVE -> "error";
            case RISKY -> "warning";
            case INFO -> "note";
        };
    }
}

package dev.redline.cli;

import static dev.redline.cli.JsonOutput.writeNullableNumber;
import static dev.redline.cli.JsonOutput.writeNullableString;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.redline.core.RedlineVersion;
import dev.redline.dryrun.DryRunReport;
import dev.redline.dryrun.DryRunReport.ChecksumMismatch;
import dev.redline.dryrun.DryRunReport.HeldLock;
import dev.redline.dryrun.DryRunReport.HistorySummary;
import dev.redline.dryrun.DryRunReport.MigrationRun;
import dev.redline.dryrun.DryRunReport.RowCount;
import dev.redline.dryrun.DryRunReport.SchemaChange;
import dev.redline.dryrun.DryRunReport.SideEffect;
import dev.redline.dryrun.DryRunReport.StatementRun;
import dev.redline.dryrun.DryRunReport.ThrowawayRun;
import dev.redline.dryrun.DryRunReport.ValueChange;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The dry-run's JSON report, schema version 1. The fields of issue 4 come first, in its order, and are a public
 * contract (docs/dry-run.md): fields may be added, never renamed or removed. Additions follow them.
 */
final class DryRunJsonReporter implements DryRunReporter {

    static final int SCHEMA_VERSION = 1;

    @Override
    public void write(DryRunReport report, PrintStream out) throws IOException {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeObjectFieldStart("database");
            g.writeStringField("url", report.database().url());
            g.writeStringField("serverVersion", report.database().serverVersion());
            writeNullableString(g, "role", report.database().role());
            writeNullableString(g, "name", report.database().database());
            writeNullableString(g, "user", report.database().user());
            g.writeEndObject();
            g.writeBooleanField("committed", report.committed());
            g.writeArrayFieldStart("migrations");
            for (MigrationRun m : report.migrations()) {
                writeMigration(g, m);
            }
            g.writeEndArray();

            // Additions to the contract.
            g.writeStringField("redline", RedlineVersion.current());
            writeHistory(g, report.history());
            writeEmbedded(g, report.embedded());
            g.writeArrayFieldStart("throwawayCopies");
            for (ThrowawayRun t : report.throwawayCopies()) {
                writeThrowaway(g, t);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("sideEffects");
            for (SideEffect s : report.sideEffects()) {
                g.writeStartObject();
                g.writeStringField("kind", s.kind());
                writeNullableString(g, "object", s.object());
                g.writeStringField("detail", s.detail());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("settings");
            g.writeNumberField("lockTimeoutMs", report.settings().lockTimeoutMs());
            g.writeNumberField("statementTimeoutMs", report.settings().statementTimeoutMs());
            g.writeNumberField("idleInTransactionSessionTimeoutMs", report.settings().idleInTransactionTimeoutMs());
            writeNullableNumber(g, "clientConnectionCheckIntervalMs", report.settings().connectionCheckIntervalMs());
            g.writeEndObject();
            if (report.abort() == null) {
                g.writeNullField("abort");
            } else {
                g.writeObjectFieldStart("abort");
                g.writeStringField("kind", report.abort().kind());
                g.writeStringField("message", report.abort().message());
                g.writeEndObject();
            }
            g.writeNumberField("durationMs", millis(report.durationMs()));
            g.writeEndObject();
        }
        out.println();
    }

    /** A migration run whole on a throwaway copy: the shape of a migration, plus the copy's name and fate. */
    private static void writeThrowaway(JsonGenerator g, ThrowawayRun t) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", t.path());
        g.writeStringField("outcome", t.outcome().id());
        writeNullableString(g, "database", t.database());
        g.writeBooleanField("dropped", t.dropped());
        writeNullableString(g, "reason", t.reason());
        g.writeArrayFieldStart("statements");
        for (StatementRun s : t.statements()) {
            writeStatement(g, s);
        }
        g.writeEndArray();
        writeCountsAndChanges(g, t.rowCounts(), t.schemaChanges());
        g.writeNumberField("durationMs", millis(t.durationMs()));
        g.writeEndObject();
    }

    private static void writeMigration(JsonGenerator g, MigrationRun m) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", m.path());
        g.writeStringField("outcome", m.outcome().id());
        g.writeArrayFieldStart("statements");
        for (StatementRun s : m.statements()) {
            writeStatement(g, s);
        }
        g.writeEndArray();
        writeCountsAndChanges(g, m.rowCounts(), m.schemaChanges());
        writeNullableString(g, "reason", m.reason());
        writeNullableString(g, "version", m.version());
        g.writeBooleanField("outOfOrder", m.outOfOrder());
        g.writeNumberField("durationMs", millis(m.durationMs()));
        g.writeEndObject();
    }

    private static void writeCountsAndChanges(JsonGenerator g, List<RowCount> rowCounts,
                                              List<SchemaChange> schemaChanges) throws IOException {
        g.writeArrayFieldStart("rowCounts");
        for (RowCount r : rowCounts) {
            g.writeStartObject();
            g.writeStringField("table", r.table());
            writeNullableNumber(g, "before", r.before());
            writeNullableNumber(g, "after", r.after());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("schemaChanges");
        for (SchemaChange c : schemaChanges) {
            g.writeStartObject();
            g.writeStringField("change", c.change());
            writeNullableString(g, "table", c.table());
            writeNullableString(g, "column", c.column());
            writeNullableString(g, "object", c.object());
            writeNullableString(g, "from", c.from());
            writeNullableString(g, "to", c.to());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeStatement(JsonGenerator g, StatementRun s) throws IOException {
        g.writeStartObject();
        g.writeNumberField("index", s.index());
        g.writeNumberField("line", s.line());
        g.writeStringField("sql", s.sql());
        g.writeNumberField("durationMs", millis(s.durationMs()));
        g.writeStringField("outcome", s.outcome().id());
        if (s.error() == null) {
            g.writeNullField("error");
        } else {
            g.writeObjectFieldStart("error");
            writeNullableString(g, "sqlState", s.error().sqlState());
            writeNullableString(g, "message", s.error().message());
            writeNullableString(g, "detail", s.error().detail());
            g.writeEndObject();
        }
        g.writeArrayFieldStart("locks");
        for (HeldLock l : s.locks()) {
            g.writeStartObject();
            g.writeStringField("relation", l.relation());
            g.writeStringField("mode", l.mode());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeBooleanField("rewrote", s.rewrote());
        g.writeArrayFieldStart("valueChanges");
        for (ValueChange v : s.valueChanges()) {
            g.writeStartObject();
            g.writeStringField("table", v.table());
            g.writeStringField("column", v.column());
            g.writeNumberField("changedRows", v.changedRows());
            g.writeEndObject();
        }
        g.writeEndArray();
        writeNullableString(g, "note", s.note());
        g.writeArrayFieldStart("rewrittenTables");
        for (String t : s.rewrittenTables()) {
            g.writeString(t);
        }
        g.writeEndArray();
        writeNullableNumber(g, "rows", s.rows());
        g.writeEndObject();
    }

    private static void writeEmbedded(JsonGenerator g, DryRunReport.Embedded e) throws IOException {
        if (e == null) {
            g.writeNullField("embedded");
            return;
        }
        g.writeObjectFieldStart("embedded");
        g.writeStringField("serverVersion", e.serverVersion());
        g.writeNumberField("startupMs", e.startupMs());
        writeStrings(g, "replayed", e.replayed());
        writeStrings(g, "createdRoles", e.createdRoles());
        if (e.seed() == null) {
            g.writeNullField("seed");
        } else {
            g.writeObjectFieldStart("seed");
            g.writeStringField("path", e.seed().path());
            g.writeStringField("kind", e.seed().kind());
            g.writeNumberField("statements", e.seed().statements());
            g.writeNumberField("rows", e.seed().rows());
            g.writeEndObject();
        }
        DryRunReport.Clone c = e.clonedFrom();
        if (c == null) {
            g.writeNullField("clonedFrom");
        } else {
            g.writeObjectFieldStart("clonedFrom");
            g.writeStringField("source", c.source());
            g.writeStringField("serverVersion", c.serverVersion());
            writeNullableNumber(g, "sampleRows", c.sampleRows());
            g.writeNumberField("tables", c.tables());
            g.writeNumberField("rows", c.rows());
            g.writeNumberField("referenceRows", c.referenceRows());
            writeStrings(g, "notCopied", c.notCopied());
            g.writeEndObject();
        }
        writeStrings(g, "cleanedLeftovers", e.cleanedLeftovers());
        writeStrings(g, "notes", e.notes());
        g.writeBooleanField("dataDirectoryRemoved", e.dataDirectoryRemoved());
        g.writeEndObject();
    }

    private static void writeStrings(JsonGenerator g, String field, java.util.List<String> values)
            throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void writeHistory(JsonGenerator g, HistorySummary h) throws IOException {
        if (h == null) {
            g.writeNullField("history");
            return;
        }
        g.writeObjectFieldStart("history");
        g.writeStringField("tool", h.tool());
        g.writeStringField("table", h.table());
        g.writeNumberField("applied", h.applied());
        g.writeNumberField("pending", h.pending());
        g.writeArrayFieldStart("outOfOrder");
        for (String p : h.outOfOrder()) {
            g.writeString(p);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("checksumMismatches");
        for (ChecksumMismatch c : h.checksumMismatches()) {
            g.writeStartObject();
            g.writeStringField("path", c.path());
            writeNullableString(g, "version", c.version());
            g.writeStringField("recorded", c.recorded());
            g.writeStringField("current", c.current());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("notes");
        for (String n : h.notes()) {
            g.writeString(n);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Milliseconds to three decimals: enough to compare, short enough to read. */
    private static BigDecimal millis(double ms) {
        return BigDecimal.valueOf(ms).setScale(3, RoundingMode.HALF_UP);
    }
}

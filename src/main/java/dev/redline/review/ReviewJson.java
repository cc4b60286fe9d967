package dev.redline.review;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.redline.core.model.Tool;
import dev.redline.review.JsonValues.Fields;
import dev.redline.review.JsonValues.Malformed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The review file's format, schema version 1: pretty JSON with two-space indentation, keys in a fixed order, one
 * array element per line and a trailing newline, so a review diffs like code. Reading is strict: a field missing,
 * of the wrong type or unknown makes the file invalid, with a message that names the field.
 */
public final class ReviewJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final List<String> FIELDS = List.of("schemaVersion", "migration", "sha256", "tool", "verdict",
            "reviewer", "reviewedAt", "note", "checklist", "findings", "dryRun", "redline", "signature");
    private static final List<String> POINT_FIELDS = List.of("point", "question", "answer", "flagged", "confirmed",
            "note");
    private static final List<String> DRY_RUN_FIELDS = List.of("target", "role", "serverVersion", "outcome",
            "committed", "rowCounts", "failures", "locks", "durationMs");

    private ReviewJson() {
    }

    /** The file's bytes (UTF-8). Deterministic: the same review always gives the same bytes. */
    public static byte[] write(Review review) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = generator(bytes)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", review.schemaVersion());
            g.writeStringField("migration", review.migration());
            g.writeStringField("sha256", review.sha256());
            g.writeStringField("tool", review.tool().id());
            g.writeStringField("verdict", review.verdict().id());
            g.writeObjectFieldStart("reviewer");
            g.writeStringField("name", review.reviewer().name());
            g.writeStringField("email", review.reviewer().email());
            g.writeEndObject();
            g.writeStringField("reviewedAt", review.reviewedAt().truncatedTo(ChronoUnit.SECONDS).toString());
            nullableString(g, "note", review.note());
            g.writeArrayFieldStart("checklist");
            for (PointReview p : review.checklist()) {
                g.writeStartObject();
                g.writeNumberField("point", p.point());
                g.writeStringField("question", p.question());
                g.writeStringField("answer", p.answer());
                g.writeBooleanField("flagged", p.flagged());
                g.writeBooleanField("confirmed", p.confirmed());
                nullableString(g, "note", p.note());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("findings");
            for (String id : review.findings()) {
                g.writeString(id);
            }
            g.writeEndArray();
            writeDryRun(g, review.dryRun());
            g.writeStringField("redline", review.redline());
            if (review.signature() == null) {
                g.writeNullField("signature");
            } else {
                g.writeObjectFieldStart("signature");
                g.writeStringField("namespace", review.signature().namespace());
                g.writeArrayFieldStart("armored");
                for (String line : review.signature().armored()) {
                    g.writeString(line);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    private static void writeDryRun(JsonGenerator g, DryRunEvidence d) throws IOException {
        if (d == null) {
            g.writeNullField("dryRun");
            return;
        }
        g.writeObjectFieldStart("dryRun");
        g.writeStringField("target", d.target());
        nullableString(g, "role", d.role());
        nullableString(g, "serverVersion", d.serverVersion());
        g.writeStringField("outcome", d.outcome());
        g.writeBooleanField("committed", d.committed());
        g.writeArrayFieldStart("rowCounts");
        for (DryRunEvidence.RowDelta r : d.rowCounts()) {
            g.writeStartObject();
            g.writeStringField("table", r.table());
            nullableNumber(g, "before", r.before());
            nullableNumber(g, "after", r.after());
            nullableNumber(g, "delta", r.delta());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("failures");
        for (String f : d.failures()) {
            g.writeString(f);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("locks");
        for (DryRunEvidence.LockSummary l : d.locks()) {
            g.writeStartObject();
            g.writeStringField("relation", l.relation());
            g.writeStringField("mode", l.mode());
            g.writeArrayFieldStart("lines");
            for (int line : l.lines()) {
                g.writeNumber(line);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("durationMs", d.durationMs());
        g.writeEndObject();
    }

    /**
     * Reads a review file's bytes.
     *
     * @throws InvalidReviewFile with what is wrong (not JSON, which field is missing or wrong)
     */
    public static Review read(byte[] bytes) throws InvalidReviewFile {
        try {
            return read(new Fields(JsonValues.parseObject(bytes), ""));
        } catch (Malformed e) {
            throw new InvalidReviewFile(e.getMessage());
        }
    }

    private static Review read(Fields f) throws Malformed {
        long schema = f.number("schemaVersion");
        if (schema != Review.SCHEMA_VERSION) {
            throw new Malformed(schema > Review.SCHEMA_VERSION
                    ? "written by a newer Redline (schemaVersion " + schema + "); upgrade Redline to read it"
                    : "schemaVersion " + schema + " is not one this Redline reads (" + Review.SCHEMA_VERSION + ")");
        }
        f.onlyKnown(FIELDS);
        String migration = f.string("migration");
        if (migration.isBlank()) {
            throw new Malformed("\"migration\" is empty");
        }
        String sha = f.string("sha256");
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new Malformed("\"sha256\" should be 64 lower-case hex digits, not \"" + sha + "\"");
        }
        String toolId = f.string("tool");
        Tool tool;
        try {
            tool = Tool.fromId(toolId);
        } catch (IllegalArgumentException e) {
            throw new Malformed("\"tool\" is not a tool Redline knows: \"" + toolId + "\"");
        }
        String verdictId = f.string("verdict");
        Verdict verdict = Verdict.fromId(verdictId);
        if (verdict == null) {
            throw new Malformed("\"verdict\" should be \"approve\" or \"reject\", not \"" + verdictId + "\"");
        }
        Fields who = f.objectField("reviewer");
        who.onlyKnown(List.of("name", "email"));
        Reviewer reviewer;
        try {
            reviewer = new Reviewer(who.string("name"), who.string("email"));
        } catch (IllegalArgumentException e) {
            throw new Malformed("\"reviewer\" needs a name and an email address");
        }
        String at = f.string("reviewedAt");
        Instant reviewedAt;
        try {
            reviewedAt = Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new Malformed("\"reviewedAt\" should be a UTC time like 2025-01-31T09:30:00Z, not \"" + at + "\"");
        }
        String note = f.optionalString("note");

        List<PointReview> checklist = new ArrayList<>();
        List<Fields> points = f.objects("checklist");
        if (points.size() != 6) {
            throw new Malformed("\"checklist\" should hold the 6 points, not " + points.size());
        }
        for (int i = 0; i < points.size(); i++) {
            Fields p = points.get(i);
            p.onlyKnown(POINT_FIELDS);
            long number = p.number("point");
            if (number != i + 1) {
                throw new Malformed("\"" + p.name("point") + "\" should be " + (i + 1) + ", not " + number);
            }
            checklist.add(new PointReview((int) number, p.string("question"), p.string("answer"), p.bool("flagged"),
                    p.bool("confirmed"), p.optionalString("note")));
        }
        if (verdict == Verdict.APPROVE) {
            for (PointReview p : checklist) {
                if (!p.confirmed()) {
                    throw new Malformed("an approval with point " + p.point() + " not confirmed");
                }
            }
        }
        List<String> findings = f.strings("findings");
        DryRunEvidence dryRun = readDryRun(f.optionalObject("dryRun"));
        String redline = f.string("redline");
        ReviewSignature signature = null;
        Fields sig = f.optionalObject("signature");
        if (sig != null) {
            sig.onlyKnown(List.of("namespace", "armored"));
            List<String> armored = sig.strings("armored");
            if (armored.isEmpty() || !armored.get(0).equals("-----BEGIN SSH SIGNATURE-----")) {
                throw new Malformed("\"signature.armored\" is not an SSH signature");
            }
            signature = new ReviewSignature(sig.string("namespace"), armored);
        }
        return new Review((int) schema, migration, sha, tool, verdict, reviewer, reviewedAt, note, checklist,
                findings, dryRun, redline, signature);
    }

    private static DryRunEvidence readDryRun(Fields d) throws Malformed {
        if (d == null) {
            return null;
        }
        d.onlyKnown(DRY_RUN_FIELDS);
        List<DryRunEvidence.RowDelta> rows = new ArrayList<>();
        for (Fields r : d.objects("rowCounts")) {
            r.onlyKnown(List.of("table", "before", "after", "delta"));
            rows.add(new DryRunEvidence.RowDelta(r.string("table"), r.optionalNumber("before"),
                    r.optionalNumber("after")));
        }
        List<DryRunEvidence.LockSummary> locks = new ArrayList<>();
        for (Fields l : d.objects("locks")) {
            l.onlyKnown(List.of("relation", "mode", "lines"));
            List<Integer> lines = new ArrayList<>();
            for (Object line : l.array("lines")) {
                if (!(line instanceof Long n)) {
                    throw new Malformed("\"" + l.name("lines") + "\" should hold line numbers");
                }
                lines.add(n.intValue());
            }
            locks.add(new DryRunEvidence.LockSummary(l.string("relation"), l.string("mode"), lines));
        }
        return new DryRunEvidence(d.string("target"), d.optionalString("role"), d.optionalString("serverVersion"),
                d.string("outcome"), d.bool("committed"), rows, d.strings("failures"), locks, d.number("durationMs"));
    }

    /** The file is not a review Redline can trust; the message says what is wrong. */
    public static final class InvalidReviewFile extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidReviewFile(String message) {
            super(message);
        }
    }

    private static JsonGenerator generator(ByteArrayOutputStream out) throws IOException {
        JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        generator.setPrettyPrinter(new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter));
        return generator;
    }

    private static void nullableString(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }

    private static void nullableNumber(JsonGenerator g, String field, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, value);
        }
    }
}

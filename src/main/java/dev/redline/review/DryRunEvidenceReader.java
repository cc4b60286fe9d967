package dev.redline.review;

import dev.redline.review.JsonValues.Fields;
import dev.redline.review.JsonValues.Malformed;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summarises the report of {@code redline dry-run --format json} (schema version 1) for one migration. Reads only
 * the report's JSON, so reviews need neither JDBC nor the dry-run's classes.
 */
public final class DryRunEvidenceReader {

    private static final long MAX_BYTES = 64L << 20;

    private DryRunEvidenceReader() {
    }

    /**
     * The evidence for the migration at {@code migrationPath} (relative to the repository, {@code /} separators) in
     * the report {@code file}.
     *
     * @throws ReviewException when the file cannot be read, is not a dry-run report, or has no run of the migration
     */
    public static DryRunEvidence read(Path file, String migrationPath) throws ReviewException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ReviewException(file + ": too large for a dry-run report");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ReviewException("cannot read the dry-run report " + file + ": " + e.getMessage());
        }
        try {
            return summarise(new Fields(JsonValues.parseObject(bytes), ""), migrationPath);
        } catch (Malformed e) {
            throw new ReviewException(file + " is not a report of 'redline dry-run --format json': " + e.getMessage());
        }
    }

    static DryRunEvidence summarise(Fields report, String migrationPath) throws Malformed, ReviewException {
        long schema = report.number("schemaVersion");
        if (schema != 1) {
            throw new Malformed("schemaVersion " + schema + " is not one this Redline reads (1)");
        }
        Fields database = report.objectField("database");
        List<Fields> runs = report.objects("migrations");
        Fields run = find(runs, migrationPath);
        if (run == null) {
            List<String> ran = new ArrayList<>();
            for (Fields r : runs) {
                ran.add(r.string("path"));
            }
            throw new ReviewException("the dry-run report has no run of " + migrationPath
                    + (ran.isEmpty() ? " (it ran no migration)" : " (it ran " + String.join(", ", ran) + ")"));
        }

        List<DryRunEvidence.RowDelta> rows = new ArrayList<>();
        for (Fields r : run.objects("rowCounts")) {
            rows.add(new DryRunEvidence.RowDelta(r.string("table"), r.optionalNumber("before"),
                    r.optionalNumber("after")));
        }
        List<String> failures = new ArrayList<>();
        String outcome = run.string("outcome");
        if (!outcome.equals("ok") && run.optionalString("reason") != null) {
            failures.add(outcome + ": " + run.optionalString("reason"));
        }
        Map<String, List<Integer>> locks = new LinkedHashMap<>();
        for (Fields s : run.objects("statements")) {
            int line = (int) s.number("line");
            Fields error = s.optionalObject("error");
            if (error != null) {
                String state = error.optionalString("sqlState");
                String detail = error.optionalString("detail");
                failures.add("line " + line + ": " + (state == null ? "" : "ERROR " + state + ": ")
                        + error.optionalString("message") + (detail == null ? "" : " (" + detail + ")"));
            }
            for (Fields lock : s.objects("locks")) {
                String key = lock.string("relation") + "\u0000" + lock.string("mode");
                List<Integer> lines = locks.computeIfAbsent(key, k -> new ArrayList<>());
                if (!lines.contains(line)) {
                    lines.add(line);
                }
            }
        }
        Fields abort = report.optionalObject("abort");
        if (abort != null) {
            failures.add("the dry-run stopped early (" + abort.optionalString("kind") + "): "
                    + abort.optionalString("message"));
        }
        List<DryRunEvidence.LockSummary> lockSummary = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : locks.entrySet()) {
            String[] parts = e.getKey().split("\u0000", 2);
            lockSummary.add(new DryRunEvidence.LockSummary(parts[0], parts[1], e.getValue()));
        }
        BigDecimal ms = run.optionalDecimal("durationMs");
        return new DryRunEvidence(database.string("url"), database.optionalString("role"),
                database.optionalString("serverVersion"), outcome, report.bool("committed"), rows, failures,
                lockSummary, ms == null ? 0 : ms.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** The run whose path is the migration's, or the tail of it (the dry-run's paths are relative to its folder). */
    private static Fields find(List<Fields> runs, String migrationPath) throws Malformed {
        Fields tail = null;
        for (Fields r : runs) {
            String path = r.string("path").replace('\\', '/');
            if (path.equals(migrationPath)) {
                return r;
            }
            if (tail == null && (migrationPath.endsWith("/" + path) || path.endsWith("/" + migrationPath))) {
                tail = r;
            }
        }
        return tail;
    }
}

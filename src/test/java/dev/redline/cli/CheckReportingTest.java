package dev.redline.cli;

import static dev.redline.review.JsonTree.array;
import static dev.redline.review.JsonTree.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.review.JsonTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reporters and the gate over hand-built analyses ({@link FakeAnalysis}); independent of the real analyzer. */
class CheckReportingTest {

    private static final CommandLine RISKY = new CommandLine((path, allSql) -> FakeAnalysis.risky(path));
    private static final CommandLine HARMLESS = new CommandLine((path, allSql) -> FakeAnalysis.harmless(path));

    @TempDir
    Path dir;

    @Test
    void jsonFollowsTheContract() throws IOException {
        CliRun run = CliRun.run(RISKY, "check", "--format", "json", dir.toString());
        assertEquals(0, run.exitCode(), run::toString);
        Map<String, Object> root = JsonTree.parseObject(run.out());

        assertEquals(List.of("schemaVersion", "redline", "migrations", "errors", "summary"),
                List.copyOf(root.keySet()));
        assertEquals(1L, root.get("schemaVersion"));

        List<Object> migrations = array(root.get("migrations"));
        assertEquals(2, migrations.size());
        Map<String, Object> m = object(migrations.get(0));
        assertEquals(List.of("path", "tool", "direction", "sha256", "statements", "inTransaction", "checklist",
                "findings", "errors"), List.copyOf(m.keySet()).subList(0, 9));
        assertEquals("db/migration/V2__drop_phone.sql", m.get("path"));
        assertEquals("flyway", m.get("tool"));
        assertEquals("up", m.get("direction"));
        assertTrue(((String) m.get("sha256")).matches("[0-9a-f]{64}"));
        assertEquals(3L, m.get("statements"));
        assertEquals(Boolean.TRUE, m.get("inTransaction"));

        List<Object> checklist = array(m.get("checklist"));
        assertEquals(6, checklist.size());
        for (int i = 0; i < 6; i++) {
            Map<String, Object> point = object(checklist.get(i));
            assertEquals(List.of("point", "question", "answer", "flagged"), List.copyOf(point.keySet()));
            assertEquals((long) i + 1, point.get("point"));
            assertInstanceOf(String.class, point.get("question"));
            assertInstanceOf(String.class, point.get("answer"));
            assertInstanceOf(Boolean.class, point.get("flagged"));
        }

        List<Object> findings = array(m.get("findings"));
        assertEquals(3, findings.size());
        Map<String, Object> drop = object(findings.get(0));
        assertEquals(List.of("rule", "checklist", "severity", "line", "endLine", "column", "statement", "target",
                "message", "hint"), List.copyOf(drop.keySet()));
        assertEquals("drop-column", drop.get("rule"));
        assertEquals(1L, drop.get("checklist"));
        assertEquals("destructive", drop.get("severity"));
        assertEquals(1L, drop.get("line"));
        assertEquals(1L, drop.get("endLine"));
        assertEquals(23L, drop.get("column"));
        assertEquals(0L, drop.get("statement"));
        assertEquals("public.customers.phone", drop.get("target"));
        assertInstanceOf(String.class, drop.get("message"));
        assertInstanceOf(String.class, drop.get("hint"));

        Map<String, Object> update = object(findings.get(1));
        assertNull(update.get("checklist"), "checklist point 0 is written as null");
        assertTrue(update.containsKey("checklist"));
        assertEquals(2L, update.get("line"));
        assertEquals(3L, update.get("endLine"));
        assertEquals(1L, update.get("statement"));
        Map<String, Object> info = object(findings.get(2));
        assertTrue(info.containsKey("target") && info.get("target") == null);
        assertTrue(info.containsKey("hint") && info.get("hint") == null);
        assertEquals(List.of(), m.get("errors"));
        assertEquals("missing", m.get("review"), "the review state follows the contract fields");
        assertEquals(List.of("review", "version", "set", "root", "reviewDetail"),
                List.copyOf(m.keySet()).subList(9, 14));

        Map<String, Object> blob = object(migrations.get(1));
        assertNull(blob.get("inTransaction"));
        assertTrue(blob.containsKey("inTransaction"));
        assertEquals(0L, blob.get("statements"));
        Map<String, Object> blobError = object(array(blob.get("errors")).get(0));
        assertEquals(List.of("message", "line"), List.copyOf(blobError.keySet()));
        assertTrue(blobError.containsKey("line") && blobError.get("line") == null);

        Map<String, Object> pathError = object(array(root.get("errors")).get(0));
        assertEquals("db/locked", pathError.get("path"));
        assertEquals("permission denied", pathError.get("message"));

        Map<String, Object> summary = object(root.get("summary"));
        assertEquals(List.of("migrations", "findings", "destructive", "risky", "info", "unparsed", "unreadable",
                "needsReview", "gate", "mode", "reviews"), List.copyOf(summary.keySet()));
        assertEquals(Map.of("missing", 2L, "approved", 0L, "rejected", 0L, "stale", 0L, "not-required", 0L,
                "invalid", 0L), summary.get("reviews"));
        assertEquals(2L, summary.get("migrations"));
        assertEquals(3L, summary.get("findings"));
        assertEquals(1L, summary.get("destructive"));
        assertEquals(1L, summary.get("risky"));
        assertEquals(1L, summary.get("info"));
        assertEquals(0L, summary.get("unparsed"));
        assertEquals(2L, summary.get("unreadable"), "the binary file and the locked folder");
        assertEquals(2L, summary.get("needsReview"), "the destructive migration and the unreadable one");
        assertEquals("fail", summary.get("gate"));
        assertEquals("advisory", summary.get("mode"));
    }

    @Test
    void jsonIsPrettyPrintedWithTwoSpaces() {
        CliRun run = CliRun.run(HARMLESS, "check", "--format=json", dir.toString());
        assertTrue(run.out().startsWith("{\n  \"schemaVersion\": 1,\n  \"redline\": "), run::toString);
        assertTrue(run.out().contains("\n  \"errors\": [],\n"), run::toString);
        assertFalse(run.out().contains("\r"));
    }

    @Test
    void severalPathsAreConcatenatedEachRelativeToItsOwnArgument() throws IOException {
        Path other = dir.resolve("other");
        java.nio.file.Files.createDirectories(other);
        CliRun run = CliRun.run(HARMLESS, "check", "--format", "json", dir.toString(), other.toString());
        Map<String, Object> root = JsonTree.parseObject(run.out());
        List<Object> migrations = array(root.get("migrations"));
        assertEquals(2, migrations.size());
        assertEquals(dir.toString(), object(migrations.get(0)).get("root"));
        assertEquals(other.toString(), object(migrations.get(1)).get("root"));
        assertEquals("V1__notes.sql", object(migrations.get(1)).get("path"));
        assertEquals(2L, object(root.get("summary")).get("migrations"));
    }

    @Test
    void textReadsLikeACompiler() {
        CliRun run = CliRun.run(RISKY, "check", dir.toString());
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();

        int drop = lines.indexOf("db/migration/V2__drop_phone.sql:1:23: destructive[drop-column] "
                + "Dropping column public.customers.phone deletes its data.");
        assertTrue(drop >= 0, run::toString);
        assertEquals("    1 | ALTER TABLE customers DROP COLUMN phone;", lines.get(drop + 1));
        assertEquals("      | " + " ".repeat(22) + "^" + "~".repeat(16), lines.get(drop + 2));
        assertEquals("  = hint: Stop reading the column in a release first, then drop it in a later migration.",
                lines.get(drop + 3));

        int update = lines.indexOf("db/migration/V2__drop_phone.sql:2:1: risky[update-without-where] "
                + "UPDATE without WHERE rewrites every row of public.orders.");
        assertTrue(update >= 0, run::toString);
        assertEquals("    2 | UPDATE orders", lines.get(update + 1));
        assertEquals("      | ^" + "~".repeat("UPDATE orders".length() - 1), lines.get(update + 2),
                "a span running past the line is underlined to the end of the line");

        int info = lines.indexOf("db/migration/V2__drop_phone.sql:4:1: info[non-transactional] "
                + "CREATE INDEX CONCURRENTLY cannot run inside a transaction.");
        assertTrue(info >= 0, run::toString);
        assertFalse(lines.get(info + 3).startsWith("  = hint"), "no hint line when the finding has none");

        assertTrue(lines.contains("db/migration/V3__blob.sql: error: binary file (contains NUL bytes), not SQL"),
                run::toString);
        assertTrue(lines.contains("db/locked: error: permission denied"), run::toString);
        assertTrue(lines.contains("2 migrations, 3 findings (1 destructive, 1 risky, 1 info), 2 unreadable"),
                run::toString);
        assertTrue(lines.get(lines.size() - 1).startsWith("gate: would fail under --mode enforce"), run::toString);
    }

    @Test
    void textSummaryWhenNothingBlocks() {
        CliRun run = CliRun.run(HARMLESS, "check", "--mode", "enforce", dir.toString());
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertEquals("1 migration, 1 finding (0 destructive, 0 risky, 1 info), 0 unreadable",
                lines.get(lines.size() - 2));
        assertEquals("gate: pass (enforce mode)", lines.get(lines.size() - 1));
    }

    @Test
    void enforceModeFailsTheGateOnFindingsThatNeedReview() throws IOException {
        CliRun text = CliRun.run(RISKY, "check", "--mode", "enforce", dir.toString());
        assertEquals(1, text.exitCode(), text::toString);
        assertTrue(text.out().contains("gate: fail (enforce mode)"), text::toString);

        CliRun json = CliRun.run(RISKY, "check", "--mode", "enforce", "--format", "json", dir.toString());
        assertEquals(1, json.exitCode(), json::toString);
        Map<String, Object> summary = object(JsonTree.parseObject(json.out()).get("summary"));
        assertEquals("fail", summary.get("gate"));
        assertEquals("enforce", summary.get("mode"));
    }

    @Test
    void advisoryModeNeverFailsTheGate() {
        assertEquals(0, CliRun.run(RISKY, "check", dir.toString()).exitCode());
        assertEquals(0, CliRun.run(RISKY, "check", "--mode", "advisory", dir.toString()).exitCode());
    }

    @Test
    void sarifIsAMinimalValidLog() throws IOException {
        CliRun run = CliRun.run(RISKY, "check", "--format", "sarif", dir.toString());
        assertEquals(0, run.exitCode(), run::toString);
        Map<String, Object> log = JsonTree.parseObject(run.out());
        assertEquals("2.1.0", log.get("version"));
        assertTrue(((String) log.get("$schema")).contains("sarif-2.1.0"));
        Map<String, Object> sarifRun = object(array(log.get("runs")).get(0));
        Map<String, Object> driver = object(object(sarifRun.get("tool")).get("driver"));
        assertEquals("Redline", driver.get("name"));
        assertEquals(3, array(driver.get("rules")).size());

        List<Object> results = array(sarifRun.get("results"));
        assertEquals(List.of("error", "warning", "note"),
                results.stream().map(r -> object(r).get("level")).toList());
        Map<String, Object> first = object(results.get(0));
        assertEquals("drop-column", first.get("ruleId"));
        Map<String, Object> location = object(object(array(first.get("locations")).get(0)).get("physicalLocation"));
        String uri = (String) object(location.get("artifactLocation")).get("uri");
        assertTrue(uri.endsWith("db/migration/V2__drop_phone.sql"), uri);
        Map<String, Object> region = object(location.get("region"));
        assertEquals(1L, region.get("startLine"));
        assertEquals(23L, region.get("startColumn"));
        assertEquals(40L, region.get("endColumn"));

        Map<String, Object> invocation = object(array(sarifRun.get("invocations")).get(0));
        assertEquals(2, array(invocation.get("toolExecutionNotifications")).size(),
                "the unreadable file and folder");
    }

    @Test
    void sarifUrisAreRelativeToTheWorkingDirectoryWhenUnderIt() throws IOException {
        var report = CheckReport.of(List.of(new CheckReport.CheckedPath("proj", dir, FakeAnalysis.risky(dir))),
                GateMode.ADVISORY);
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8)) {
            new SarifReporter(dir).write(report, out);
        }
        Map<String, Object> result = object(array(object(array(JsonTree.parseObject(bytes.toString(
                java.nio.charset.StandardCharsets.UTF_8)).get("runs")).get(0)).get("results")).get(0));
        Map<String, Object> location = object(object(array(result.get("locations")).get(0)).get("physicalLocation"));
        assertEquals("db/migration/V2__drop_phone.sql", object(location.get("artifactLocation")).get("uri"));
    }

    @Test
    void anAnalyzerCrashIsAnInternalErrorNotAGateFailure() {
        CommandLine crashing = new CommandLine((path, allSql) -> {
            throw new IllegalStateException("boom");
        });
        CliRun run = CliRun.run(crashing, "check", "--mode", "enforce", dir.toString());
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("internal error") && run.err().contains("boom"), run::toString);
    }

    @Test
    void exitCodesMeanOneThingEach() {
        assertEquals(Set.of(0, 1, 2, 3),
                java.util.Arrays.stream(ExitCode.values()).map(ExitCode::code).collect(
                        java.util.stream.Collectors.toSet()));
    }
}

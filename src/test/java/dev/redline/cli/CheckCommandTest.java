package dev.redline.cli;

import static dev.redline.review.JsonTree.array;
import static dev.redline.review.JsonTree.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.review.JsonTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} end to end, on real .sql files, through the real {@code ProjectAnalyzer}. */
class CheckCommandTest {

    private static final String DROP_TABLE = "DROP TABLE customers;\n";
    private static final String HARMLESS = """
            CREATE TABLE notes (id bigint PRIMARY KEY, body text);
            ALTER TABLE notes ADD COLUMN nickname text;
            """;

    @TempDir
    Path dir;

    @Test
    void enforceModeFailsOnADropTable() throws IOException {
        Path file = Files.writeString(dir.resolve("V1__drop_customers.sql"), DROP_TABLE);
        CliRun run = CliRun.run("check", "--mode", "enforce", file.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("destructive[drop-table]"), run::toString);
    }

    @Test
    void advisoryModePassesTheSameDropTable() throws IOException {
        Path file = Files.writeString(dir.resolve("V1__drop_customers.sql"), DROP_TABLE);
        CliRun run = CliRun.run("check", file.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("destructive[drop-table]"), run::toString);
    }

    @Test
    void enforceModePassesAHarmlessMigration() throws IOException {
        Path file = Files.writeString(dir.resolve("V1__notes.sql"), HARMLESS);
        CliRun run = CliRun.run("check", "--mode", "enforce", file.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("gate: pass (enforce mode)"), run::toString);
    }

    @Test
    void textPointsAtTheStatement() throws IOException {
        Path file = Files.writeString(dir.resolve("V1__drop_customers.sql"), "-- gone\n" + DROP_TABLE);
        CliRun run = CliRun.run("check", file.toString());
        List<String> lines = run.out().lines().toList();
        Pattern diagnostic = Pattern.compile("(.*/)?V1__drop_customers\\.sql:2:\\d+: destructive\\[drop-table] .+");
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (diagnostic.matcher(lines.get(i)).matches()) {
                at = i;
            }
        }
        assertTrue(at >= 0, run::toString);
        assertEquals("    2 | DROP TABLE customers;", lines.get(at + 1));
        assertTrue(lines.get(at + 2).matches(" {6}\\| *\\^~*"), run::toString);
        assertTrue(lines.get(at + 3).startsWith("  = hint: "), run::toString);
        assertTrue(lines.stream().anyMatch(
                l -> l.matches("1 migration, \\d+ findings? \\(\\d+ destructive, \\d+ risky, \\d+ info\\), 0 unreadable")),
                run::toString);
    }

    @Test
    void jsonHasEveryContractFieldWithItsType() throws IOException, NoSuchAlgorithmException {
        Files.writeString(dir.resolve("001_notes.sql"), HARMLESS);
        Path drop = Files.writeString(dir.resolve("002_drop_customers.sql"), DROP_TABLE);
        CliRun run = CliRun.run("check", "--all-sql", "--format", "json", dir.toString());
        assertEquals(0, run.exitCode(), run::toString);
        Map<String, Object> root = JsonTree.parseObject(run.out());

        assertEquals(1L, root.get("schemaVersion"));
        List<Object> migrations = array(root.get("migrations"));
        assertEquals(2, migrations.size(), run::toString);
        for (Object each : migrations) {
            Map<String, Object> m = object(each);
            assertInstanceOf(String.class, m.get("path"));
            assertTrue(Set.of("flyway", "goose", "dbmate", "golang-migrate", "prisma", "supabase", "diesel",
                    "sqitch", "plain").contains(m.get("tool")), () -> "tool " + m.get("tool"));
            assertTrue(Set.of("up", "down").contains(m.get("direction")));
            assertTrue(((String) m.get("sha256")).matches("[0-9a-f]{64}"));
            assertInstanceOf(Long.class, m.get("statements"));
            assertTrue(m.containsKey("inTransaction"));
            assertTrue(m.get("inTransaction") == null || m.get("inTransaction") instanceof Boolean);
            List<Object> checklist = array(m.get("checklist"));
            assertEquals(6, checklist.size());
            for (int i = 0; i < 6; i++) {
                Map<String, Object> point = object(checklist.get(i));
                assertEquals((long) i + 1, point.get("point"));
                assertInstanceOf(String.class, point.get("question"));
                assertInstanceOf(String.class, point.get("answer"));
                assertInstanceOf(Boolean.class, point.get("flagged"));
            }
            for (Object f : array(m.get("findings"))) {
                Map<String, Object> finding = object(f);
                assertInstanceOf(String.class, finding.get("rule"));
                assertTrue(finding.containsKey("checklist"));
                assertTrue(finding.get("checklist") == null || finding.get("checklist") instanceof Long);
                assertTrue(Set.of("destructive", "risky", "info").contains(finding.get("severity")));
                for (String number : List.of("line", "endLine", "column", "statement")) {
                    assertInstanceOf(Long.class, finding.get(number), number);
                }
                assertTrue(finding.containsKey("target"));
                assertInstanceOf(String.class, finding.get("message"));
                assertTrue(finding.containsKey("hint"));
            }
            assertInstanceOf(List.class, m.get("errors"));
        }

        Map<String, Object> dropped = object(migrations.get(1));
        assertEquals("002_drop_customers.sql", dropped.get("path"));
        assertEquals(sha256(drop), dropped.get("sha256"));
        assertEquals(1L, dropped.get("statements"));
        Map<String, Object> finding = object(array(dropped.get("findings")).get(0));
        assertEquals("drop-table", finding.get("rule"));
        assertEquals("destructive", finding.get("severity"));
        assertEquals(1L, finding.get("checklist"));
        assertEquals(1L, finding.get("line"));
        assertEquals(0L, finding.get("statement"));

        assertInstanceOf(List.class, root.get("errors"));
        Map<String, Object> summary = object(root.get("summary"));
        for (String count : List.of("migrations", "findings", "destructive", "risky", "info", "unparsed",
                "unreadable", "needsReview")) {
            assertInstanceOf(Long.class, summary.get(count), count);
        }
        assertEquals(2L, summary.get("migrations"));
        assertEquals(1L, summary.get("needsReview"));
        assertEquals("fail", summary.get("gate"));
        assertEquals("advisory", summary.get("mode"));
    }

    @Test
    void aBinaryFileIsReportedAndTheOthersAreStillJudged() throws IOException {
        Files.writeString(dir.resolve("001_drop_customers.sql"), DROP_TABLE);
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31 + 7);
        }
        Files.write(dir.resolve("002_blob.sql"), binary);

        CliRun run = CliRun.run("check", "--all-sql", "--format", "json", dir.toString());
        assertEquals(0, run.exitCode(), run::toString);
        Map<String, Object> root = JsonTree.parseObject(run.out());
        boolean judged = false;
        boolean blobReported = false;
        for (Object each : array(root.get("migrations"))) {
            Map<String, Object> m = object(each);
            if ("001_drop_customers.sql".equals(m.get("path"))) {
                judged = array(m.get("findings")).stream().anyMatch(f -> "drop-table".equals(object(f).get("rule")));
            }
            if ("002_blob.sql".equals(m.get("path"))) {
                blobReported = !array(m.get("errors")).isEmpty();
            }
        }
        for (Object each : array(root.get("errors"))) {
            blobReported |= ((String) object(each).get("path")).endsWith("002_blob.sql");
        }
        assertTrue(judged, run::toString);
        assertTrue(blobReported, run::toString);
        assertTrue((Long) object(root.get("summary")).get("unreadable") >= 1, run::toString);

        CliRun text = CliRun.run("check", "--all-sql", dir.toString());
        assertTrue(text.out().lines().anyMatch(l -> l.matches("(.*/)?002_blob\\.sql(:\\d+)?: error: .+")),
                text::toString);
        assertEquals(1, CliRun.run("check", "--all-sql", "--mode", "enforce", dir.toString()).exitCode());
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}

package dev.redline.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs in one project: each bad file gets a clear per-file answer, nothing crashes or hangs, and the good
 * migration beside them is still judged. The timeout guards against hangs; it is not a speed target.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileInputTest {

    @TempDir
    Path project;

    private ProjectAnalysis analysis;

    @BeforeEach
    void writeProject() throws IOException {
        byte[] random = new byte[64 * 1024];
        new Random(42).nextBytes(random);
        Files.write(project.resolve("001_random.sql"), random);
        Files.write(project.resolve("002_latin1.sql"),
                "UPDATE customers SET name = 'Jos\u00e9' WHERE id = 1;".getBytes(StandardCharsets.ISO_8859_1));
        StringBuilder huge = new StringBuilder(200_000 * 40);
        for (int i = 0; i < 200_000; i++) {
            huge.append("INSERT INTO events (id) VALUES (").append(i).append(");\n");
        }
        huge.append("ALTER TABLE events DROP COLUMN payload;\n");
        Files.writeString(project.resolve("003_huge.sql"), huge);
        Files.writeString(project.resolve("004_nested.sql"),
                "SELECT " + "(".repeat(3000) + "1" + ")".repeat(3000) + ";\nDROP TABLE legacy;\n");
        Files.writeString(project.resolve("005_unterminated_quote.sql"),
                "ALTER TABLE customers DROP COLUMN phone;\nUPDATE customers SET note = 'never closed;\n");
        Files.writeString(project.resolve("006_unterminated_dollar.sql"),
                "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1;\n");
        Files.writeString(project.resolve("007_unbalanced.sql"),
                "CREATE TABLE t (id int;\nDROP TABLE customers;\n");
        Files.writeString(project.resolve("010_good.sql"), "DROP TABLE orders;\n");
        Path loop = Files.createDirectories(project.resolve("loop"));
        Files.createSymbolicLink(loop.resolve("again"), loop);
        analysis = new ProjectAnalyzer().analyze(project, true);
    }

    private MigrationAnalysis migration(String name) {
        return analysis.migrations().stream().filter(m -> m.migration().relativePath().endsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " was not listed"));
    }

    private static boolean has(MigrationAnalysis m, String rule) {
        return m.findings().stream().map(Finding::rule).anyMatch(rule::equals);
    }

    @Test
    void randomBytesAreReportedAsNotText() {
        MigrationAnalysis m = migration("001_random.sql");
        assertNull(m.source());
        assertFalse(m.errors().isEmpty());
        assertTrue(m.errors().get(0).message().contains("001_random.sql"), m.errors().get(0).message());
        assertTrue(m.needsReview(), "an unreadable migration is never reported as safe");
    }

    @Test
    void invalidUtf8IsReportedWithItsPosition() {
        MigrationAnalysis m = migration("002_latin1.sql");
        assertNull(m.source());
        String message = m.errors().get(0).message();
        assertTrue(message.contains("002_latin1.sql") && message.contains("UTF-8"), message);
    }

    @Test
    void twoHundredThousandStatementsAreAllJudged() {
        MigrationAnalysis m = migration("003_huge.sql");
        assertEquals(200_001, m.statements().size());
        assertTrue(has(m, "drop-column"), "the DROP COLUMN after 200,000 inserts is still found");
    }

    @Test
    void deepParenthesesDoNotOverflowTheStack() {
        MigrationAnalysis m = migration("004_nested.sql");
        assertEquals(2, m.statements().size());
        assertTrue(has(m, "drop-table"));
    }

    @Test
    void unterminatedQuoteIsUnparsedNotSafe() {
        MigrationAnalysis m = migration("005_unterminated_quote.sql");
        assertTrue(has(m, "drop-column"), "the statement before the broken one is still judged");
        assertTrue(has(m, "unparsed"), "the broken statement is flagged");
    }

    @Test
    void unterminatedDollarQuoteIsUnparsedNotSafe() {
        assertTrue(has(migration("006_unterminated_dollar.sql"), "unparsed"));
    }

    @Test
    void anUnclosedParenthesisDoesNotSwallowTheRestOfTheFile() {
        MigrationAnalysis m = migration("007_unbalanced.sql");
        assertTrue(m.findings().stream().anyMatch(f -> f.rule().equals("drop-table")
                && "public.customers".equals(f.target())), m.findings().toString());
    }

    @Test
    void symlinkLoopIsAPathErrorAndTheGoodFileIsStillJudged() {
        assertTrue(analysis.errors().stream().anyMatch(e -> e.path().contains("loop")), analysis.errors().toString());
        MigrationAnalysis good = migration("010_good.sql");
        assertNotNull(good.source());
        assertTrue(has(good, "drop-table"));
    }
}

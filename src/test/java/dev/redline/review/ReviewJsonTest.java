package dev.redline.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.model.Tool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review file's format: deterministic, diff-friendly, read back exactly, written atomically. */
class ReviewJsonTest {

    @TempDir
    Path dir;

    static Review sample(DryRunEvidence dryRun) {
        List<PointReview> points = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            points.add(new PointReview(i, "Question " + i + "?", "Answer \"" + i + "\" — ünïcode", i == 1, true,
                    i == 2 ? "checked the\nbackfill" : null));
        }
        return new Review(1, "db/migration/V2__cleanup.sql", "ab".repeat(32), Tool.FLYWAY, Verdict.APPROVE,
                new Reviewer("Ada Lovelace", "ada@example.com"), Instant.parse("2025-01-31T09:30:00Z"), null, points,
                List.of("drop-column@2:23", "missing-lock-timeout@2:1"), dryRun, "0.1.0", null);
    }

    @Test
    void writingIsDeterministicAndReadingGivesBackTheSameReview() throws Exception {
        DryRunEvidence evidence = new DryRunEvidence("jdbc:postgresql://clone/shop", "clone", "17.6", "ok", false,
                List.of(new DryRunEvidence.RowDelta("public.customers", 10L, 10L)), List.of(),
                List.of(new DryRunEvidence.LockSummary("public.customers", "AccessExclusiveLock", List.of(2))), 12);
        for (Review review : List.of(sample(null), sample(evidence))) {
            byte[] bytes = ReviewJson.write(review);
            assertArrayEquals(bytes, ReviewJson.write(review));
            Review back = ReviewJson.read(bytes);
            assertEquals(review, back);
            assertArrayEquals(bytes, ReviewJson.write(back));
        }
        String text = new String(ReviewJson.write(sample(null)), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\n  \"schemaVersion\": 1,\n  \"migration\": \"db/migration/V2__cleanup.sql\",\n"),
                text);
        assertTrue(text.contains("\n  \"findings\": [\n    \"drop-column@2:23\",\n    \"missing-lock-timeout@2:1\"\n  ],\n"),
                "one finding per line:\n" + text);
        assertTrue(text.contains("\"note\": \"checked the\\nbackfill\""), text);
        assertTrue(text.endsWith("\n  \"signature\": null\n}\n"), text);
    }

    @Test
    void aSignedReviewsPayloadIsTheFileWithoutItsSignature() throws Exception {
        Review signed = sample(null).withSignature(new ReviewSignature(SshSignatures.NAMESPACE,
                List.of("-----BEGIN SSH SIGNATURE-----", "U1NIU0lH", "-----END SSH SIGNATURE-----")));
        Review back = ReviewJson.read(ReviewJson.write(signed));
        assertEquals(signed, back);
        assertArrayEquals(ReviewJson.write(sample(null)), ReviewJson.write(back.unsigned()));
    }

    @Test
    void invalidFilesSayWhatIsWrong() {
        assertEquals("not a JSON object", message("[]"));
        assertEquals("the key \"sha256\" appears twice, at line 1, column 35",
                message("{\"schemaVersion\": 1, \"sha256\": 1, \"sha256\": 2}"));
        assertTrue(message("{\"schemaVersion\": 1,").startsWith("not valid JSON at line 1, column 21"),
                message("{\"schemaVersion\": 1,"));
        assertEquals("\"schemaVersion\" is missing", message("{}"));
        assertEquals("\"sha256\" should be 64 lower-case hex digits, not \"ABC\"", message(new String(
                ReviewJson.write(sample(null)), StandardCharsets.UTF_8).replace("ab".repeat(32), "ABC")));
        assertTrue(message("{\"a\": ".repeat(5000)).startsWith("not valid JSON"), "deep nesting is refused, not a crash");
    }

    private static String message(String json) {
        return assertThrows(ReviewJson.InvalidReviewFile.class,
                () -> ReviewJson.read(json.getBytes(StandardCharsets.UTF_8))).getMessage();
    }

    @Test
    void filesAreReplacedAtomicallyLeavingNoTemporaryFile() throws Exception {
        Path target = dir.resolve("db/V1__a.sql.review.json");
        ReviewFiles.writeAtomically(target, "first\n".getBytes(StandardCharsets.UTF_8));
        ReviewFiles.writeAtomically(target, "second\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("second\n", Files.readString(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void reviewersAreParsedLikeGitIdentities() {
        assertEquals(new Reviewer("Ada Lovelace", "ada@example.com"), Reviewer.parse("Ada Lovelace <ada@example.com>"));
        assertEquals(new Reviewer("Ada", "ada@example.com"), Reviewer.parse("  Ada<ada@example.com>  "));
        assertEquals(null, Reviewer.parse("ada@example.com"));
        assertEquals(null, Reviewer.parse("<ada@example.com>"));
        assertEquals(null, Reviewer.parse("Ada <not an email>"));
    }
}

package dev.redline.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every review state end to end, through the command line a reviewer and CI would use, in real git repositories:
 * missing → approved → stale after an edit → approved again; rejected; a corrupt review file.
 */
class ReviewLifecycleTest {

    private static final String SIDECAR = Shop.V2 + ".review.json";

    @TempDir
    Path dir;

    @Test
    void missingThenApprovedThenStaleThenApprovedAgain() throws Exception {
        GitRepo repo = Shop.create(dir);

        Cli missing = Shop.check(repo, "--mode", "enforce");
        assertEquals(1, missing.exitCode(), missing::toString);
        assertEquals("missing", Shop.review(missing, Shop.V2));
        assertEquals("not-required", Shop.review(missing, Shop.V1));
        assertTrue(((String) Shop.detail(missing, Shop.V2).get("reason")).contains(SIDECAR), missing::toString);

        Cli signed = Shop.sign(repo, Shop.V2, "--verdict", "approve", "--confirm-all", "--note", "phone moved to contacts");
        assertEquals(0, signed.exitCode(), signed::toString);
        assertTrue(signed.out().contains("What does it DROP?") && signed.out().contains("drop-column@2:23"),
                "the checklist and findings are shown before recording:\n" + signed);
        assertTrue(signed.out().contains("recorded: approve by Ada Lovelace <ada@example.com> in " + SIDECAR),
                signed::toString);

        String file = repo.read(SIDECAR);
        Map<String, Object> review = JsonValues.parseObject(file.getBytes());
        assertEquals(List.of("schemaVersion", "migration", "sha256", "tool", "verdict", "reviewer", "reviewedAt",
                "note", "checklist", "findings", "dryRun", "redline", "signature"), List.copyOf(review.keySet()));
        assertEquals(1L, review.get("schemaVersion"));
        assertEquals(Shop.V2, review.get("migration"));
        assertEquals(sha256(repo.path(Shop.V2)), review.get("sha256"));
        assertEquals("flyway", review.get("tool"));
        assertEquals("approve", review.get("verdict"));
        assertEquals(Map.of("name", GitRepo.NAME, "email", GitRepo.EMAIL), review.get("reviewer"));
        assertTrue(((String) review.get("reviewedAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertEquals("phone moved to contacts", review.get("note"));
        List<?> points = (List<?>) review.get("checklist");
        assertEquals(6, points.size());
        for (int i = 0; i < 6; i++) {
            Map<?, ?> p = (Map<?, ?>) points.get(i);
            assertEquals(List.of("point", "question", "answer", "flagged", "confirmed", "note"),
                    List.copyOf(p.keySet()));
            assertEquals((long) i + 1, p.get("point"));
            assertEquals(Boolean.TRUE, p.get("confirmed"));
        }
        assertEquals(Boolean.TRUE, ((Map<?, ?>) points.get(0)).get("flagged"), "point 1: it drops a column");
        assertTrue(((List<?>) review.get("findings")).contains("drop-column@2:23"), file);
        assertNull(review.get("dryRun"));
        assertNull(review.get("signature"));
        assertTrue(file.startsWith("{\n  \"schemaVersion\": 1,\n  \"migration\": "), file);
        assertTrue(file.endsWith("}\n") && !file.endsWith("\n\n") && !file.contains("\r"), file);
        try (Stream<Path> files = Files.list(repo.path("db/migration"))) {
            assertEquals(List.of("V1__customers.sql", "V2__cleanup.sql", "V2__cleanup.sql.review.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left behind");
        }

        Cli approved = Shop.check(repo, "--mode", "enforce");
        assertEquals(0, approved.exitCode(), approved::toString);
        assertEquals("approved", Shop.review(approved, Shop.V2));
        Map<String, Object> detail = Shop.detail(approved, Shop.V2);
        assertEquals("Ada Lovelace <ada@example.com>", detail.get("reviewer"));
        assertEquals("unsigned", detail.get("signature"));
        assertEquals(Boolean.FALSE, detail.get("blocksGate"));

        repo.commitAll("sign-off");
        // The reviewed bytes are those of the last commit that changed the migration.
        String reviewedCommit = repo.git("log", "-n", "1", "--format=%H", "--", Shop.V2).strip();
        repo.write(Shop.V2, Shop.V2_SQL + "DROP TABLE customers;\n");

        Cli stale = Shop.check(repo, "--mode", "enforce");
        assertEquals(1, stale.exitCode(), stale::toString);
        assertEquals("stale", Shop.review(stale, Shop.V2));
        Map<String, Object> staleDetail = Shop.detail(stale, Shop.V2);
        String diff = (String) staleDetail.get("diff");
        assertTrue(diff.startsWith("--- a/" + Shop.V2 + "\n+++ b/" + Shop.V2 + "\n@@ "), diff);
        assertTrue(diff.contains("\n+DROP TABLE customers;\n") && diff.contains("\n ALTER TABLE customers DROP COLUMN"),
                diff);
        assertTrue(((String) staleDetail.get("reason")).contains("commit " + reviewedCommit.substring(0, 12)),
                staleDetail::toString);

        Cli text = Cli.run("check", "--mode", "enforce", repo.root());
        assertEquals(1, text.exitCode());
        assertTrue(text.out().contains("  " + Shop.V2 + ": stale: changed since sign-off"), text::toString);
        assertTrue(text.out().contains("      +DROP TABLE customers;"), "the diff is shown under the reason:\n" + text);

        assertEquals(0, Shop.sign(repo, Shop.V2, "--verdict", "approve", "--confirm-all").exitCode());
        Cli again = Shop.check(repo, "--mode", "enforce");
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals("approved", Shop.review(again, Shop.V2));
    }

    @Test
    void aRejectionFailsTheGateAndSaysWhy() {
        GitRepo repo = Shop.create(dir);
        Cli signed = Shop.sign(repo, Shop.V2, "--verdict", "reject", "--confirm-all", "--note", "backfill contacts first");
        assertEquals(0, signed.exitCode(), signed::toString);

        Cli check = Shop.check(repo, "--mode", "enforce");
        assertEquals(1, check.exitCode(), check::toString);
        assertEquals("rejected", Shop.review(check, Shop.V2));
        String reason = (String) Shop.detail(check, Shop.V2).get("reason");
        assertTrue(reason.startsWith("rejected by Ada Lovelace <ada@example.com> at ")
                && reason.endsWith(": backfill contacts first"), reason);
    }

    @Test
    void aCorruptReviewFileIsInvalidNamedAndNeverACrash() throws IOException {
        GitRepo repo = Shop.create(dir);
        assertEquals(0, Shop.sign(repo, Shop.V2, "--verdict", "approve", "--confirm-all").exitCode());
        String good = repo.read(SIDECAR);

        assertInvalid(repo, "{ \"schemaVersion\": 1, \"migration\": ", "not valid JSON at line 1, column ");
        assertInvalid(repo, "", "the file is empty");
        assertInvalid(repo, good.replaceFirst("\"sha256\": \"[0-9a-f]+\",\n  ", ""), "\"sha256\" is missing");
        assertInvalid(repo, good.replace("\"verdict\": \"approve\"", "\"verdict\": \"lgtm\""),
                "\"verdict\" should be \"approve\" or \"reject\", not \"lgtm\"");
        assertInvalid(repo, good.replace("\"point\": 3", "\"point\": \"3\""),
                "\"checklist[2].point\" should be a whole number, not the string \"3\"");
        assertInvalid(repo, good.replace("\"confirmed\": true", "\"confirmed\": false"),
                "an approval with point 1 not confirmed");
        assertInvalid(repo, good.replace(Shop.V2, Shop.V1), "it reviews " + Shop.V1 + ", not " + Shop.V2);
        assertInvalid(repo, good.replace("\"tool\": \"flyway\",", "\"tool\": \"flyway\",\n  \"approvedBy\": \"me\","),
                "unknown field \"approvedBy\"");
        assertInvalid(repo, good.replace("\"schemaVersion\": 1", "\"schemaVersion\": 7"),
                "written by a newer Redline (schemaVersion 7)");

        Files.delete(repo.path(SIDECAR));
        Files.createDirectories(repo.path(SIDECAR));
        Cli directory = Shop.check(repo, "--mode", "enforce");
        assertEquals(1, directory.exitCode(), directory::toString);
        assertEquals("invalid", Shop.review(directory, Shop.V2));
        assertEquals(SIDECAR + ": not a file", Shop.detail(directory, Shop.V2).get("reason"));
    }

    private static void assertInvalid(GitRepo repo, String content, String expected) {
        repo.write(SIDECAR, content);
        Cli check = Shop.check(repo, "--mode", "enforce");
        assertEquals(1, check.exitCode(), check::toString);
        assertEquals("", check.err(), "an invalid review is a finding of the gate, not an error of Redline");
        assertEquals("invalid", Shop.review(check, Shop.V2));
        String reason = (String) Shop.detail(check, Shop.V2).get("reason");
        assertTrue(reason.startsWith(SIDECAR + ": ") && reason.contains(expected),
                () -> "expected \"" + expected + "\" in: " + reason);
        Cli text = Cli.run("check", "--mode", "enforce", repo.root());
        assertEquals(1, text.exitCode(), text::toString);
        assertTrue(text.out().contains(Shop.V2 + ": invalid: " + SIDECAR + ": "), text::toString);
    }

    @Test
    void withoutConfirmAllAndWithoutATerminalSignRefuses() {
        GitRepo repo = Shop.create(dir);
        Cli run = Shop.sign(repo, Shop.V2, "--verdict", "approve");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("sign needs --confirm-all when it is not run from a terminal"), run::toString);
        assertFalse(Files.exists(repo.path(SIDECAR)), "nothing recorded");
    }

    @Test
    void theReviewerComesFromGitUnlessGiven() throws Exception {
        GitRepo repo = Shop.create(dir);
        repo.git("config", "user.name", "Grace Hopper");
        repo.git("config", "user.email", "grace@example.com");
        assertEquals(0, Shop.sign(repo, Shop.V2, "--verdict", "approve", "--confirm-all").exitCode());
        assertTrue(repo.read(SIDECAR).contains("\"name\": \"Grace Hopper\",\n    \"email\": \"grace@example.com\""));

        assertEquals(0, Shop.sign(repo, Shop.V2, "--verdict", "approve", "--confirm-all",
                "--reviewer", "Katherine Johnson <kj@example.com>").exitCode());
        assertTrue(repo.read(SIDECAR).contains("\"name\": \"Katherine Johnson\",\n    \"email\": \"kj@example.com\""));

        Cli bad = Shop.sign(repo, Shop.V2, "--verdict", "approve", "--confirm-all", "--reviewer", "kj");
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("--reviewer must look like \"Name <email>\""), bad::toString);
    }

    @Test
    void whenGitLacksTheReviewedVersionStaleFallsBackToTheShas() throws Exception {
        GitRepo repo = Shop.create(dir);
        repo.write(Shop.V2, Shop.V2_SQL + "-- reviewed but never committed\n");
        String reviewed = sha256(repo.path(Shop.V2));
        assertEquals(0, Shop.sign(repo, Shop.V2, "--verdict", "approve", "--confirm-all").exitCode());
        repo.write(Shop.V2, Shop.V2_SQL + "-- and edited again\n");

        Cli check = Shop.check(repo);
        assertEquals(0, check.exitCode(), "advisory by default");
        assertEquals("stale", Shop.review(check, Shop.V2));
        Map<String, Object> detail = Shop.detail(check, Shop.V2);
        assertNull(detail.get("diff"));
        assertTrue(((String) detail.get("reason")).startsWith("changed since sign-off (sha " + reviewed.substring(0, 12)
                + " → " + sha256(repo.path(Shop.V2)).substring(0, 12) + ")"), detail::toString);
    }

    @Test
    void aGooseFileWithUpAndDownIsReviewedAsOne() {
        GitRepo repo = GitRepo.init(dir);
        repo.write("db/migrations/1_customers.sql", "-- +goose Up\nCREATE TABLE customers (id bigint, phone text);\n"
                + "-- +goose Down\nDROP TABLE customers;\n");
        repo.write("db/migrations/2_cleanup.sql", "-- +goose Up\nALTER TABLE customers DROP COLUMN phone;\n"
                + "-- +goose Down\nALTER TABLE customers ADD COLUMN phone text;\n");
        repo.commitAll("goose");

        Cli before = Shop.check(repo, "--mode", "enforce");
        assertEquals(1, before.exitCode(), before::toString);
        assertEquals(2L, ((Map<?, ?>) before.json().get("summary")).get("needsReview"),
                () -> "the first file's down part and the second's up part: " + before.json().get("summary"));

        for (String file : List.of("db/migrations/1_customers.sql", "db/migrations/2_cleanup.sql")) {
            Cli signed = Shop.sign(repo, file, "--verdict", "approve", "--confirm-all");
            assertEquals(0, signed.exitCode(), signed::toString);
            assertTrue(Files.exists(repo.path(file + ".review.json")), "goose reads *.sql: a sidecar is safe");
        }
        assertTrue(repo.read("db/migrations/1_customers.sql.review.json").contains("Up: "),
                "each point answers for both parts");
        Cli after = Shop.check(repo, "--mode", "enforce");
        assertEquals(0, after.exitCode(), after::toString);
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}

package dev.redline.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dry-run's evidence attached to a sign-off ({@code sign --dry-run-report}): read from the JSON report of
 * {@code dry-run --format json}, summarised for the one migration, and never with a password.
 */
class DryRunEvidenceTest {

    /** The shape DryRunJsonReporter writes (schema version 1), with credentials where a careless URL has them. */
    static final String REPORT = """
            {
              "schemaVersion": 1,
              "database": {
                "url": "jdbc:postgresql://ci:hunter2@clone.internal:5432/shop?user=ci&password=hunter2&ssl=true",
                "serverVersion": "17.6",
                "role": "clone",
                "name": "shop",
                "user": "ci"
              },
              "committed": false,
              "migrations": [
                {
                  "path": "V1__customers.sql",
                  "outcome": "skipped",
                  "statements": [],
                  "rowCounts": [],
                  "schemaChanges": [],
                  "reason": "already applied",
                  "version": "1",
                  "outOfOrder": false,
                  "durationMs": 0.000
                },
                {
                  "path": "V2__cleanup.sql",
                  "outcome": "failed",
                  "statements": [
                    {
                      "index": 0, "line": 2, "sql": "ALTER TABLE customers DROP COLUMN phone", "durationMs": 3.250,
                      "outcome": "ok", "error": null,
                      "locks": [{"relation": "public.customers", "mode": "AccessExclusiveLock"}],
                      "rewrote": false, "valueChanges": [], "note": null, "rewrittenTables": [], "rows": null
                    },
                    {
                      "index": 1, "line": 3, "sql": "ALTER ROLE app PASSWORD 'hunter2'", "durationMs": 0.500,
                      "outcome": "error",
                      "error": {"sqlState": "42501", "message": "permission denied to alter role", "detail": null},
                      "locks": [{"relation": "public.customers", "mode": "AccessExclusiveLock"}],
                      "rewrote": false, "valueChanges": [], "note": null, "rewrittenTables": [], "rows": null
                    }
                  ],
                  "rowCounts": [
                    {"table": "public.customers", "before": 1200, "after": 1200},
                    {"table": "public.contacts", "before": null, "after": 1187}
                  ],
                  "schemaChanges": [],
                  "reason": null,
                  "version": "2",
                  "outOfOrder": false,
                  "durationMs": 41.625
                }
              ],
              "redline": "0.1.0",
              "history": null,
              "sideEffects": [],
              "settings": {"lockTimeoutMs": 5000, "statementTimeoutMs": 60000,
                           "idleInTransactionSessionTimeoutMs": 60000, "clientConnectionCheckIntervalMs": null},
              "abort": null,
              "durationMs": 120.000
            }
            """;

    @TempDir
    Path dir;

    @Test
    void theEvidenceIsSummarisedForTheMigrationWithoutAnyPassword() throws Exception {
        GitRepo repo = Shop.create(dir.resolve("repo"));
        Path report = dir.resolve("dry-run.json");
        java.nio.file.Files.writeString(report, REPORT);

        Cli signed = Shop.sign(repo, Shop.V2, "--verdict", "reject", "--confirm-all", "--dry-run-report", report);
        assertEquals(0, signed.exitCode(), signed::toString);
        String file = repo.read(Shop.V2 + ".review.json");
        assertFalse(file.contains("hunter2"), file);

        Map<String, Object> dryRun = JsonValues.object(JsonValues.parseObject(file.getBytes()).get("dryRun"));
        assertEquals(List.of("target", "role", "serverVersion", "outcome", "committed", "rowCounts", "failures",
                "locks", "durationMs"), List.copyOf(dryRun.keySet()));
        assertEquals("jdbc:postgresql://ci:***@clone.internal:5432/shop?user=ci&password=***&ssl=true",
                dryRun.get("target"));
        assertEquals("clone", dryRun.get("role"));
        assertEquals("17.6", dryRun.get("serverVersion"));
        assertEquals("failed", dryRun.get("outcome"));
        assertEquals(Boolean.FALSE, dryRun.get("committed"));
        assertEquals(42L, dryRun.get("durationMs"));
        assertEquals(List.of(
                Map.of("table", "public.customers", "before", 1200L, "after", 1200L, "delta", 0L),
                nullable("public.contacts", null, 1187L)), dryRun.get("rowCounts"));
        assertEquals(List.of("line 3: ERROR 42501: permission denied to alter role"), dryRun.get("failures"));
        assertEquals(List.of(Map.of("relation", "public.customers", "mode", "AccessExclusiveLock",
                "lines", List.of(2L, 3L))), dryRun.get("locks"));

        Cli markdown = Cli.run("review", repo.path(Shop.V2));
        assertEquals(0, markdown.exitCode(), markdown::toString);
        assertTrue(markdown.out().contains("**Dry-run** on `jdbc:postgresql://ci:***@clone.internal:5432/shop"),
                markdown::toString);
        assertTrue(markdown.out().contains("- rows in `public.contacts`: — → 1187"), markdown::toString);
        assertTrue(markdown.out().contains("- lock AccessExclusiveLock on `public.customers` (lines 2, 3)"),
                markdown::toString);
    }

    @Test
    void aReportWithoutTheMigrationOrNotAReportIsRefused() throws Exception {
        GitRepo repo = Shop.create(dir.resolve("repo"));
        Path other = dir.resolve("other.json");
        java.nio.file.Files.writeString(other, REPORT.replace("V2__cleanup.sql", "V9__other.sql"));
        Cli run = Shop.sign(repo, Shop.V2, "--verdict", "approve", "--confirm-all", "--dry-run-report", other);
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("the dry-run report has no run of db/migration/V2__cleanup.sql (it ran "
                + "V1__customers.sql, V9__other.sql)"), run::toString);

        Path junk = dir.resolve("junk.json");
        java.nio.file.Files.writeString(junk, "{\"schemaVersion\": 1}");
        Cli notReport = Shop.sign(repo, Shop.V2, "--verdict", "approve", "--confirm-all", "--dry-run-report", junk);
        assertEquals(2, notReport.exitCode(), notReport::toString);
        assertTrue(notReport.err().contains("is not a report of 'redline dry-run --format json': \"database\" is missing"),
                notReport::toString);
    }

    @Test
    void secretsAreTakenOutOfUrlsAndMessages() {
        assertEquals("postgres://app:***@db/x", Secrets.redact("postgres://app:s3cret@db/x"));
        assertEquals("jdbc:postgresql://db/x?password=***&user=a", Secrets.redact("jdbc:postgresql://db/x?password=p&user=a"));
        assertEquals("ALTER ROLE a PASSWORD '***'", Secrets.redact("ALTER ROLE a PASSWORD 'it''s'"));
        assertEquals("jdbc:postgresql://db:5432/x", Secrets.redact("jdbc:postgresql://db:5432/x"));
        String once = Secrets.redact("postgres://app:s3cret@db/x?password=p");
        assertEquals(once, Secrets.redact(once), "redacting twice changes nothing, so a signed review round-trips");
    }

    private static Map<String, Object> nullable(String table, Long before, Long after) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("table", table);
        m.put("before", before);
        m.put("after", after);
        m.put("delta", null);
        return m;
    }
}

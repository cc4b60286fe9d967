package dev.redline.cli;

import static dev.redline.review.JsonTree.array;
import static dev.redline.review.JsonTree.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.review.GitRepo;
import dev.redline.review.JsonTree;
import dev.redline.review.ReviewState;
import dev.redline.review.ReviewStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate with reviews, as CI sees it: exit codes, SARIF validated against the 2.1.0 schema's constraints, GitHub
 * annotations, {@code review} in Markdown and JSON, and {@code sign} at a terminal.
 */
class ReviewGateCliTest {

    private static final CommandLine RISKY = new CommandLine((path, allSql) -> FakeAnalysis.risky(path));
    private static final String V1 = "db/migration/V1__customers.sql";
    private static final String V2 = "db/migration/V2__cleanup.sql";
    private static final String V3 = "db/migration/V3__drop_orders.sql";

    @TempDir
    Path dir;

    private GitRepo shop() {
        GitRepo repo = GitRepo.init(dir.resolve("shop"));
        repo.write(V1, "CREATE TABLE customers (id bigint PRIMARY KEY, phone text);\nCREATE TABLE orders (id int);\n");
        repo.write(V2, "ALTER TABLE customers DROP COLUMN phone;\n");
        repo.write(V3, "DROP TABLE orders;\n");
        repo.commitAll("three migrations");
        return repo;
    }

    @Test
    void theGatesExitCodes() {
        GitRepo repo = shop();
        String root = repo.root().toString();
        assertEquals(0, CliRun.run("check", root).exitCode(), "advisory: reports, never blocks");
        CliRun missing = CliRun.run("check", "--mode", "enforce", root);
        assertEquals(1, missing.exitCode(), missing::toString);
        assertTrue(missing.out().contains("  " + V2 + ": missing: no review (expected " + V2 + ".review.json)"),
                missing::toString);
        assertTrue(missing.out().contains("  " + V3 + ": missing: "), missing::toString);

        for (String migration : List.of(V2, V3)) {
            assertEquals(0, CliRun.run("sign", repo.path(migration).toString(), "--verdict", "approve",
                    "--confirm-all").exitCode());
        }
        CliRun approved = CliRun.run("check", "--mode", "enforce", root);
        assertEquals(0, approved.exitCode(), approved::toString);
        assertTrue(approved.out().contains("reviews: 2 approved\ngate: pass (enforce mode)"), approved::toString);

        repo.write(".redline/config.properties", "mode=sometimes\n");
        assertEquals(2, CliRun.run("check", root).exitCode(), "a broken configuration is a usage error");
    }

    @Test
    void sarifFromARealRepositoryCarriesReviewStatesAndIsValid() throws IOException {
        GitRepo repo = shop();
        assertEquals(0, CliRun.run("sign", repo.path(V2).toString(), "--verdict", "approve", "--confirm-all")
                .exitCode());
        CliRun run = CliRun.run("check", "--format", "sarif", repo.root().toString());
        assertEquals(0, run.exitCode(), run::toString);
        Map<String, Object> log = JsonTree.parseObject(run.out());
        assertEquals(List.of(), SarifSchema.violations(log), run.out());

        Map<String, Object> sarifRun = object(array(log.get("runs")).get(0));
        for (Object r : array(sarifRun.get("results"))) {
            Map<String, Object> result = object(r);
            String uri = (String) object(object(object(array(result.get("locations")).get(0))
                    .get("physicalLocation")).get("artifactLocation")).get("uri");
            String review = (String) object(result.get("properties")).get("review");
            if (uri.endsWith(V2)) {
                assertEquals("approved", review);
                Map<String, Object> suppression = object(array(result.get("suppressions")).get(0));
                assertEquals("external", suppression.get("kind"));
                assertEquals("accepted", suppression.get("status"));
                assertTrue(((String) suppression.get("justification")).startsWith("approved by Ada Lovelace"));
            } else if (uri.endsWith(V3)) {
                assertEquals("missing", review);
                assertFalse(result.containsKey("suppressions"), "an open finding stays open in code scanning");
            }
        }
        Map<String, Object> properties = object(sarifRun.get("properties"));
        assertEquals("fail", properties.get("gate"));
        Map<String, Object> blocked = object(array(properties.get("blocked")).get(0));
        assertEquals(V3, blocked.get("path"));
        assertEquals("missing", blocked.get("review"));
    }

    @Test
    void sarifOverHandBuiltAnalysesIsValidToo() throws IOException {
        ProjectAnalysis analysis = FakeAnalysis.risky(dir);
        ReviewStatus approved = new ReviewStatus(ReviewState.APPROVED, false, "approved by Ada <ada@example.com>",
                dir.resolve("db/migration/V2__drop_phone.sql.review.json"), "db/migration/V2__drop_phone.sql.review.json",
                null, null, null);
        ReviewStatus missing = ReviewStatus.withoutReviews(analysis.migrations().get(1));
        CheckReport report = CheckReport.of(List.of(new CheckReport.CheckedPath("proj", dir, analysis,
                List.of(approved, missing))), GateMode.ENFORCE);
        Map<String, Object> log = JsonTree.parseObject(render(new SarifReporter(dir), report));
        assertEquals(List.of(), SarifSchema.violations(log));

        Map<String, Object> first = object(array(object(array(log.get("runs")).get(0)).get("results")).get(0));
        Map<String, Object> suppression = object(array(first.get("suppressions")).get(0));
        assertEquals("db/migration/V2__drop_phone.sql.review.json", object(object(object(suppression.get("location"))
                .get("physicalLocation")).get("artifactLocation")).get("uri"));

        CliRun plain = CliRun.run(RISKY, "check", "--format", "sarif", dir.toString());
        assertEquals(List.of(), SarifSchema.violations(JsonTree.parseObject(plain.out())));
    }

    @Test
    void theSarifValidatorIsNotVacuous() throws IOException {
        String good = CliRun.run(RISKY, "check", "--format", "sarif", dir.toString()).out();
        assertEquals(List.of(), SarifSchema.violations(JsonTree.parseObject(good)));
        assertViolation(good.replace("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\""), "$.version");
        assertViolation(good.replace("\"startLine\": 1,", "\"startLine\": 0,"), ".region.startLine");
        assertViolation(good.replace("\"ruleId\": \"drop-column\",", ""), ".ruleId");
        assertViolation(good.replace("\"name\": \"Redline\"", "\"title\": \"Redline\""), "requires \"name\"");
        assertViolation(good.replace("\"level\": \"warning\"", "\"level\": \"severe\""), ".level");
        assertViolation(good.replace("\"text\": \"Dropping", "\"txt\": \"Dropping"), "has no property \"txt\"");
    }

    private static void assertViolation(String sarif, String expected) throws IOException {
        List<String> violations = SarifSchema.violations(JsonTree.parseObject(sarif));
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)), () -> expected + " in " + violations);
    }

    @Test
    void githubAnnotationsOnePerFindingAndTheGate() throws IOException {
        CheckReport report = CheckReport.of(List.of(new CheckReport.CheckedPath("proj", dir, FakeAnalysis.risky(dir))),
                GateMode.ADVISORY);
        List<String> lines = render(new GithubReporter(dir), report).lines().toList();
        assertEquals(List.of(
                "::error title=Redline%3A cannot read::db/locked: permission denied",
                "::error file=db/migration/V2__drop_phone.sql,line=1,endLine=1,col=23,title=destructive[drop-column] "
                        + "· review missing::Dropping column public.customers.phone deletes its data.%0ASafer: Stop "
                        + "reading the column in a release first, then drop it in a later migration.",
                "::warning file=db/migration/V2__drop_phone.sql,line=2,endLine=3,col=1,title=risky[update-without-where] "
                        + "· review missing::UPDATE without WHERE rewrites every row of public.orders.%0ASafer: Add a "
                        + "WHERE clause, or update in batches.",
                "::notice file=db/migration/V2__drop_phone.sql,line=4,endLine=4,col=1,title=info[non-transactional] "
                        + "· review missing::CREATE INDEX CONCURRENTLY cannot run inside a transaction.",
                "::error file=db/migration/V3__blob.sql,title=Redline%3A unreadable migration::binary file (contains "
                        + "NUL bytes), not SQL",
                "::warning title=Redline gate%3A fail::2 migrations need an approved, current review, 2 could not be "
                        + "read (advisory mode)%0Adb/migration/V2__drop_phone.sql: missing: no review%0A"
                        + "db/migration/V3__blob.sql: missing: no review%0ASign off with: redline sign MIGRATION "
                        + "--verdict approve|reject --confirm-all"), lines);

        CliRun enforce = CliRun.run(RISKY, "check", "--format", "github", "--mode", "enforce", dir.toString());
        assertEquals(1, enforce.exitCode());
        assertTrue(enforce.out().lines().toList().get(enforce.out().lines().toList().size() - 1)
                .startsWith("::error title=Redline gate%3A fail::"), enforce::toString);

        CommandLine harmless = new CommandLine((path, allSql) -> FakeAnalysis.harmless(path));
        CliRun pass = CliRun.run(harmless, "check", "--format", "github", dir.toString());
        assertTrue(pass.out().endsWith("::notice title=Redline gate%3A pass::1 migrations, 1 findings; every migration "
                + "that needs a review has an approved, current one (advisory mode)\n"), pass::toString);
    }

    @Test
    void githubCommandsEscapeDataAndProperties() {
        assertEquals("::error file=a%2Cb%3Ac.sql,title=t%3A 100%25::line 1%0D%0Aline 2 100%25 done: yes, no",
                GithubReporter.command("error", "a,b:c.sql", null, "t: 100%", "line 1\r\nline 2 100% done: yes, no"));
    }

    @Test
    void reviewPrintsMarkdownForAPullRequestAndJson() throws IOException {
        GitRepo repo = shop();
        CliRun before = CliRun.run("review", repo.path(V2).toString());
        assertEquals(0, before.exitCode(), before::toString);
        assertTrue(before.out().startsWith("### ⏳ Review missing — `" + V2 + "`\n"), before::toString);
        assertTrue(before.out().contains("| 1 ⚠ | What does it DROP? | Drops column public.customers.phone"),
                before::toString);

        assertEquals(0, CliRun.run("sign", repo.path(V2).toString(), "--verdict", "approve", "--confirm-all",
                "--note", "contacts keep the numbers").exitCode());
        CliRun markdown = CliRun.run("review", repo.path(V2).toString(), "--format", "markdown");
        assertTrue(markdown.out().startsWith("### ✅ Approved — `" + V2 + "`\n\n**Approved** by Ada Lovelace "
                + "<ada@example.com> on "), markdown::toString);
        assertTrue(markdown.out().contains("**Note:** contacts keep the numbers"), markdown::toString);
        assertTrue(markdown.out().contains("| # | Question | Redline's answer | Confirmed | Note |"), markdown::toString);
        assertTrue(markdown.out().contains("*(acknowledged)*"), markdown::toString);

        CliRun json = CliRun.run("review", repo.path(V2).toString(), "--format=json");
        assertEquals(0, json.exitCode(), json::toString);
        Map<String, Object> root = JsonTree.parseObject(json.out());
        assertEquals(List.of("schemaVersion", "migration", "review", "blocksGate", "reason", "reviewFile", "signature",
                "diff", "content", "redline"), List.copyOf(root.keySet()));
        assertEquals("approved", root.get("review"));
        assertEquals(V2 + ".review.json", root.get("reviewFile"));
        assertEquals(V2, object(root.get("content")).get("migration"));
        assertTrue(Files.readString(repo.path(V2 + ".review.json")).contains("\"note\": \"contacts keep the numbers\""));
    }

    @Test
    void atATerminalSignAsksPointByPoint() throws IOException {
        GitRepo repo = shop();
        Clock clock = Clock.fixed(Instant.parse("2025-02-03T04:05:06.789Z"), ZoneOffset.UTC);
        Deque<String> answers = new ArrayDeque<>(List.of("y", "", "maybe", "yes", "types unchanged", "y", "", "y", "",
                "y", "", "y", "lock_timeout is set by the deploy job"));
        CliRun run = sign(new SignCommand(prompt -> answers.poll(), clock), repo, "--verdict", "approve");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("please answer y or n"), run::toString);
        String file = repo.read(V2 + ".review.json");
        assertTrue(file.contains("\"reviewedAt\": \"2025-02-03T04:05:06Z\""), file);
        assertTrue(file.contains("\"confirmed\": true,\n      \"note\": \"types unchanged\""), file);
        assertTrue(file.contains("\"note\": \"lock_timeout is set by the deploy job\""), file);

        Deque<String> no = new ArrayDeque<>(List.of("n", "not sure about the backfill", "y", "", "y", "", "y", "", "y",
                "", "y", ""));
        CliRun refused = sign(new SignCommand(prompt -> no.poll(), clock), repo, "--verdict", "approve");
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("an approval needs every checklist point confirmed; not confirmed: [1]"),
                refused::toString);

        CliRun abandoned = sign(new SignCommand(prompt -> null, clock), repo, "--verdict", "reject");
        assertEquals(2, abandoned.exitCode(), abandoned::toString);
        assertTrue(abandoned.err().contains("sign-off abandoned"), abandoned::toString);
        assertTrue(repo.read(V2 + ".review.json").contains("types unchanged"), "the first review stands");
    }

    private static CliRun sign(SignCommand command, GitRepo repo, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(repo.path(V2).toString()));
        all.addAll(List.of(args));
        return CliRun.capture((out, err) -> command.run(all, out, err).code());
    }

    private static String render(Reporter reporter, CheckReport report) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            reporter.write(report, out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

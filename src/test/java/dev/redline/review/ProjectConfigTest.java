package dev.redline.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .redline/config.properties}: the default gate mode, rules off or re-levelled, and errors that name the line. */
class ProjectConfigTest {

    @TempDir
    Path dir;

    @Test
    void theProjectsModeIsUsedWhenCheckIsGivenNone() {
        GitRepo repo = Shop.create(dir);
        assertEquals(0, Shop.check(repo).exitCode(), "advisory without configuration");

        repo.write(".redline/config.properties", "# the gate blocks merges\nmode = enforce\n");
        Cli enforced = Shop.check(repo);
        assertEquals(1, enforced.exitCode(), enforced::toString);
        assertEquals("enforce", ((Map<?, ?>) enforced.json().get("summary")).get("mode"));
        assertEquals(0, Shop.check(repo, "--mode", "advisory").exitCode(), "--mode wins over the file");
    }

    @Test
    void aRuleSwitchedOffOrReLevelledChangesWhatNeedsReview() {
        GitRepo repo = Shop.create(dir);
        repo.write(".redline/config.properties", "mode=enforce\nrule.drop-column=off\n");
        Cli off = Shop.check(repo);
        assertEquals(0, off.exitCode(), off::toString);
        assertEquals("not-required", Shop.review(off, Shop.V2));
        List<?> findings = (List<?>) Shop.migration(off, Shop.V2).get("findings");
        assertTrue(findings.stream().noneMatch(f -> "drop-column".equals(((Map<?, ?>) f).get("rule"))), off::toString);

        repo.write(".redline/config.properties", "mode=enforce\nrule.drop-column=info\n");
        Cli info = Shop.check(repo);
        assertEquals(0, info.exitCode(), info::toString);
        Map<?, ?> drop = (Map<?, ?>) ((List<?>) Shop.migration(info, Shop.V2).get("findings")).stream()
                .filter(f -> "drop-column".equals(((Map<?, ?>) f).get("rule"))).findFirst().orElseThrow();
        assertEquals("info", drop.get("severity"));
        Map<?, ?> point1 = (Map<?, ?>) ((List<?>) Shop.migration(info, Shop.V2).get("checklist")).get(0);
        assertEquals(Boolean.FALSE, point1.get("flagged"), "the checklist follows the new level");

        repo.write(".redline/config.properties", "rule.missing-lock-timeout=risky\n");
        Cli risky = Shop.check(repo, "--mode", "enforce");
        assertEquals(1, risky.exitCode());
        assertEquals(1L, ((Map<?, ?>) risky.json().get("summary")).get("risky"), risky::toString);
    }

    @Test
    void aMistakeInTheFileIsAUsageErrorNamingTheLine() {
        GitRepo repo = Shop.create(dir);
        assertConfigError(repo, "mode=enforce\nrule.drop-colum=off\n",
                "config.properties:2: 'drop-colum' is not a Redline rule");
        assertConfigError(repo, "rule.drop-column=fatal\n",
                "config.properties:1: rule.drop-column must be off, info, risky or destructive, not 'fatal'");
        assertConfigError(repo, "mode=strict\n", "config.properties:1: mode must be enforce or advisory, not 'strict'");
        assertConfigError(repo, "reviews.requireSignatures=true\n",
                "config.properties:1: unknown setting 'reviews.requireSignatures'");
        assertConfigError(repo, "reviews.requireSignature=yes\n",
                "config.properties:1: reviews.requireSignature must be true or false, not 'yes'");
        assertConfigError(repo, "just words\n", "config.properties:1: 'just words' is not key=value");
    }

    private static void assertConfigError(GitRepo repo, String content, String expected) {
        repo.write(".redline/config.properties", content);
        Cli run = Shop.check(repo);
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out(), "nothing analysed");
        assertTrue(run.err().contains(expected), () -> "expected \"" + expected + "\" in:\n" + run.err());
        Cli sign = Shop.sign(repo, Shop.V2, "--verdict", "approve", "--confirm-all");
        assertEquals(2, sign.exitCode(), sign::toString);
        assertTrue(sign.err().contains(expected), sign::toString);
    }

    @Test
    void theProductionListStaysWhereTheDryRunReadsIt() throws Exception {
        GitRepo repo = Shop.create(dir);
        repo.write(".redline/production", "db.internal\n");
        assertEquals(0, Shop.check(repo).exitCode(), ".redline/production is the dry-run's, not a setting");
        ProjectConfig config = ProjectConfig.load(repo.root());
        assertEquals(ProjectConfig.DEFAULT_ALLOWED_SIGNERS, config.allowedSigners());
        assertEquals(repo.path(".redline/config.properties"), config.file());
    }
}

package dev.redline.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.redline.core.model.Direction;
import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationScript;
import dev.redline.core.model.MigrationSet;
import dev.redline.core.model.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real migration folders from public projects (see {@code shared/corpus/SOURCES.md}): each must be recognised as
 * its tool, and every .sql file in it must be claimed, as a migration or as a file the tool skips on PostgreSQL.
 */
class CorpusLayoutTest {

    private static Path corpus() {
        String configured = System.getProperty("redline.corpus");
        Path dir = configured != null ? Path.of(configured) : Path.of("../shared/corpus");
        assumeTrue(Files.isDirectory(dir), "corpus not present at " + dir.toAbsolutePath());
        return dir;
    }

    @ParameterizedTest
    @CsvSource({
        "LemmyNet__lemmy, diesel",
        "documenso__documenso, prisma",
        "langfuse__langfuse, prisma",
        "hatchet-dev__hatchet, goose",
        "OHDSI__WebAPI, flyway",
        "ory__kratos, golang-migrate",
        "supabase__storage, plain"})
    void detectsTheToolAndClaimsEverySqlFile(String repo, String toolId) throws IOException {
        Path dir = corpus().resolve(repo);
        assumeTrue(Files.isDirectory(dir), repo + " not in the corpus");
        Tool expected = Tool.fromId(toolId);

        LayoutScan scan = new LayoutDetector().detect(dir);

        assertTrue(scan.errors().isEmpty(), scan.errors().toString());
        assertTrue(scan.sets().stream().allMatch(s -> s.tool() == expected), () -> Trees.labels(scan).toString());
        MigrationSet biggest = scan.sets().stream()
                .max(Comparator.comparingInt(s -> s.migrations().size())).orElseThrow();
        assertEquals(expected, biggest.tool());

        Set<String> claimed = new HashSet<>();
        for (Migration m : scan.migrations()) {
            claimed.add(m.relativePath());
        }
        for (SkippedFile s : scan.skipped()) {
            assertTrue(claimed.add(s.relativePath()), s.relativePath() + " is both a migration and skipped");
        }
        Set<String> onDisk = new HashSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".sql"))
                    .forEach(p -> onDisk.add(dir.relativize(p).toString().replace('\\', '/')));
        }
        assertTrue(onDisk.size() > 50, "corpus folder looks truncated: " + onDisk.size());
        assertEquals(onDisk, claimed);

        ScriptLoader loader = new ScriptLoader();
        for (Migration m : scan.migrations()) {
            MigrationScript script = loader.load(m);
            assertTrue(script.readable() && script.problems().isEmpty(),
                    () -> m.relativePath() + ": " + script.problems());
        }
    }

    @ParameterizedTest
    @CsvSource({"hatchet-dev__hatchet"})
    void hatchetLowercaseNoTransactionIsHonoured(String repo) {
        Path dir = corpus().resolve(repo);
        assumeTrue(Files.isDirectory(dir), repo + " not in the corpus");
        LayoutScan scan = new LayoutDetector().detect(dir);
        ScriptLoader loader = new ScriptLoader();

        List<Migration> v47 = scan.migrations().stream()
                .filter(m -> m.fileName().equals("20251007220652_v1_0_47.sql")).toList();

        assertEquals(List.of(Direction.UP, Direction.DOWN), v47.stream().map(Migration::direction).toList());
        MigrationScript up = loader.load(v47.get(0));
        assertTrue(up.sections().stream().allMatch(s -> Boolean.FALSE.equals(s.inTransaction())));
        assertTrue(Trees.sectionTexts(up).get(0).contains("CREATE INDEX CONCURRENTLY"));
        assertTrue(Trees.sectionTexts(loader.load(v47.get(1))).get(0).startsWith("DROP INDEX"));
    }
}

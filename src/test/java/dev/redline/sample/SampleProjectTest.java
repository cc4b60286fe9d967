package dev.redline.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.cli.CommandLine;
import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.analysis.ProjectAnalyzer;
import dev.redline.core.model.Finding;
import dev.redline.core.model.MigrationSet;
import dev.redline.core.model.Severity;
import dev.redline.core.model.Tool;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled sample: its index is complete, it extracts atomically, and Redline finds what it is meant to show. */
class SampleProjectTest {

    static final List<String> MIGRATIONS = List.of(
            "db/migration/V1__create_schema.sql",
            "db/migration/V2__seed_data.sql",
            "db/migration/V3__add_tracking_numbers.sql",
            "db/migration/V4__rename_phone_and_tidy_up.sql");

    @TempDir
    Path dir;

    @Test
    void indexListsExactlyTheFilesOfTheResourceFolder() throws Exception {
        // Through the index itself: the test classes' own dev/redline/sample folder would shadow the folder's URL.
        URL index = SampleProject.class.getResource(SampleProject.RESOURCE_ROOT + SampleProject.INDEX);
        assertEquals("file", index.getProtocol(), "tests see the resources as a folder");
        Path folder = Path.of(index.toURI()).getParent();
        TreeSet<String> present;
        try (Stream<Path> walk = Files.walk(folder)) {
            present = walk.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.equals(SampleProject.INDEX))
                    .filter(name -> !name.endsWith(".class")) // the package dev.redline.sample shares the folder
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(present, new TreeSet<>(SampleProject.files()));
        assertEquals(SampleProject.files().size(), new TreeSet<>(SampleProject.files()).size(), "no duplicates");
    }

    @Test
    void extractsEveryFileByteForByteIntoANewFolder() throws Exception {
        Path parent = dir.resolve("does/not/exist/yet");
        Path project = SampleProject.extractTo(parent);

        assertEquals(parent.toAbsolutePath().resolve(SampleProject.FOLDER_NAME), project);
        for (String file : SampleProject.files()) {
            try (InputStream in = SampleProject.class.getResourceAsStream(SampleProject.RESOURCE_ROOT + file)) {
                assertArrayEquals(in.readAllBytes(), Files.readAllBytes(project.resolve(file)), file);
            }
        }
        assertFalse(Files.exists(project.resolve(SampleProject.INDEX)), "the index is not part of the project");
        try (Stream<Path> left = Files.list(parent)) {
            assertEquals(List.of(project), left.toList(), "no staging folder left behind");
        }
    }

    @Test
    void neverOverwritesAnEarlierCopy() throws Exception {
        Path first = SampleProject.extractTo(dir);
        Path edited = first.resolve(MIGRATIONS.get(3));
        Files.writeString(edited, "-- my edit\n");

        Path second = SampleProject.extractTo(dir);
        Path third = SampleProject.extractTo(dir);

        assertEquals(dir.resolve("redline-sample-2"), second);
        assertEquals(dir.resolve("redline-sample-3"), third);
        assertEquals("-- my edit\n", Files.readString(edited));
        assertNotEquals("-- my edit\n", Files.readString(second.resolve(MIGRATIONS.get(3))));
    }

    @Test
    void extractsToAFreshTemporaryFolderEachTime() throws Exception {
        Path a = SampleProject.extractToTemp();
        Path b = SampleProject.extractToTemp();
        try {
            assertNotEquals(a, b);
            assertTrue(Files.isRegularFile(a.resolve(MIGRATIONS.get(0))));
            assertTrue(Files.isRegularFile(b.resolve(MIGRATIONS.get(0))));
        } finally {
            deleteTree(a.getParent());
            deleteTree(b.getParent());
        }
    }

    @Test
    void rejectsIndexEntriesThatLeaveTheFolder() {
        assertTrue(SampleProject.isSafeRelative("db/migration/V1__x.sql"));
        for (String bad : List.of("/etc/passwd", "../x", "db/../../x", "a//b", "a/./b", "C:/x", "a\\b", "")) {
            assertFalse(SampleProject.isSafeRelative(bad), bad);
        }
    }

    @Test
    void redlineFindsTheFlywaySetInOrderAndEveryProblemOfTheBadMigration() throws Exception {
        Path project = SampleProject.extractTo(dir);
        ProjectAnalysis analysis = new ProjectAnalyzer().analyze(project, false);

        assertEquals(List.of(), analysis.errors());
        assertEquals(1, analysis.sets().size(), analysis.sets()::toString);
        MigrationSet set = analysis.sets().get(0);
        assertEquals(Tool.FLYWAY, set.tool());
        assertEquals(MIGRATIONS, set.migrations().stream().map(m -> m.relativePath()).toList());
        assertEquals(List.of("1", "2", "3", "4"), set.migrations().stream().map(m -> m.version()).toList());

        List<MigrationAnalysis> migrations = analysis.migrations();
        for (MigrationAnalysis m : migrations.subList(0, 3)) {
            assertEquals(List.of(), m.errors(), m.migration().relativePath());
            assertFalse(m.needsReview(), m.migration().relativePath() + " is meant to be fine: " + m.findings());
        }

        MigrationAnalysis v4 = migrations.get(3);
        assertTrue(v4.needsReview());
        Map<String, List<Severity>> byRule = new TreeMap<>();
        for (Finding f : v4.findings()) {
            byRule.computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(f.severity());
        }
        // The "rename" done as DROP + ADD: the drop itself, and the rename heuristic on the ADD.
        assertEquals(List.of(Severity.DESTRUCTIVE), byRule.get("drop-column"), byRule::toString);
        assertEquals(List.of(Severity.DESTRUCTIVE), byRule.get("rename-as-drop"), byRule::toString);
        assertEquals("public.customers.phone", finding(v4, "rename-as-drop").target());
        // text -> varchar(255) with an explicit cast: a narrowing change that cuts long values.
        assertEquals(List.of(Severity.DESTRUCTIVE), byRule.get("change-column-type"), byRule::toString);
        assertEquals("public.customers.address", finding(v4, "change-column-type").target());
        assertEquals(List.of(Severity.DESTRUCTIVE), byRule.get("update-without-where"), byRule::toString);
        assertEquals(List.of(Severity.RISKY), byRule.get("blocking-index-build"), byRule::toString);
        assertEquals(List.of(Severity.RISKY), byRule.get("table-rewrite"), byRule::toString);
    }

    @Test
    void sampleCommandExtractsAndPrintsThePathAlone() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new CommandLine().run(new String[] {"sample", dir.toString()}, o, e);
        }
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals(dir.resolve(SampleProject.FOLDER_NAME) + System.lineSeparator(),
                out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(dir.resolve(SampleProject.FOLDER_NAME).resolve(MIGRATIONS.get(3))));
        assertFalse(CommandLine.opensWorkbench(new String[] {"sample"}), "sample is a command, not a folder");
    }

    private static Finding finding(MigrationAnalysis m, String rule) {
        return m.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
    }

    static void deleteTree(Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}

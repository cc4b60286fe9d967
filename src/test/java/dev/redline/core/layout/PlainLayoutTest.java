package dev.redline.core.layout;

import static dev.redline.core.layout.Trees.onlySet;
import static dev.redline.core.layout.Trees.paths;
import static dev.redline.core.layout.Trees.touch;
import static dev.redline.core.layout.Trees.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.model.Direction;
import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationSet;
import dev.redline.core.model.Tool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainLayoutTest {

    @TempDir
    Path root;

    @Test
    void filesApplyInNaturalNameOrder() {
        touch(root, "sql/10_x.sql", "sql/2_x.sql", "sql/1_x.sql", "sql/0003-a.sql", "sql/notes.txt");

        MigrationSet set = onlySet(new LayoutDetector().detect(root));

        assertEquals(Tool.PLAIN, set.tool());
        assertEquals("plain: sql", set.label());
        assertEquals(List.of("sql/1_x.sql", "sql/2_x.sql", "sql/0003-a.sql", "sql/10_x.sql"), paths(set));
        Migration first = set.migrations().get(0);
        assertEquals(Direction.UP, first.direction());
        assertEquals("1", first.version());
        assertEquals("1_x", first.description());
        var script = new ScriptLoader().load(first);
        assertEquals(Arrays.asList((Boolean) null), Trees.transactions(script));
    }

    @Test
    void aSingleFileRootIsOneMigrationWhateverItsNameButKeepsGooseMarkers() {
        Path file = write(root, "V1__looks_like_flyway.sql", "-- +goose Up\nSELECT 1;\n");

        LayoutScan scan = new LayoutDetector().detect(file);
        MigrationSet set = onlySet(scan);

        // the markers are statement boundaries whatever the name says; a Flyway-like name does not make it Flyway
        assertEquals(Tool.GOOSE, set.tool());
        assertEquals(List.of("V1__looks_like_flyway.sql"), paths(set));
        assertEquals(file.toAbsolutePath(), set.migrations().get(0).file());
        assertEquals(set.label(), set.migrations().get(0).setLabel());
        assertTrue(scan.errors().isEmpty());
        assertEquals(paths(set), paths(onlySet(new LayoutDetector().allSql(file))));
    }

    @Test
    void aSingleFileHandsTheBytesReadForItsMarkersToTheLoader() {
        Path file = write(root, "one.sql", "SELECT 1;\n");

        LayoutScan scan = new LayoutDetector().detect(file);
        Migration m = onlySet(scan).migrations().get(0);

        assertArrayEquals("SELECT 1;\n".getBytes(StandardCharsets.UTF_8), scan.readAhead().take(m.file()));
    }

    @Test
    void allSqlIgnoresLayoutsAndOrdersByPathButKeepsMarkerSections() {
        touch(root, "db/migration/V10__b.sql", "db/migration/V2__a.sql", "goose/1_x.sql", "a-b/z.sql", "top.sql",
                "node_modules/pkg/x.sql");
        write(root, "goose/1_x.sql", "-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT 2;\n");

        MigrationSet set = onlySet(new LayoutDetector().allSql(root));

        assertEquals(Tool.PLAIN, set.tool());
        assertEquals("plain: .", set.label());
        assertEquals(List.of("a-b/z.sql", "db/migration/V2__a.sql", "db/migration/V10__b.sql", "goose/1_x.sql",
                "goose/1_x.sql", "top.sql"), paths(set));
        assertTrue(set.migrations().stream().filter(m -> !m.relativePath().startsWith("goose/"))
                .allMatch(m -> m.tool() == Tool.PLAIN && m.direction() == Direction.UP));
        // a goose file keeps its two directions, each cut at the markers
        assertEquals(Tool.GOOSE, set.migrations().get(3).tool());
        assertEquals(Direction.DOWN, set.migrations().get(4).direction());
        assertEquals(List.of("SELECT 1;\n"), Trees.sectionTexts(new ScriptLoader().load(set.migrations().get(3))));
        assertEquals(List.of("SELECT 2;\n"), Trees.sectionTexts(new ScriptLoader().load(set.migrations().get(4))));
    }

    @Test
    void missingRootIsAnErrorNotAnException() {
        LayoutScan scan = new LayoutDetector().detect(root.resolve("nope"));

        assertTrue(scan.sets().isEmpty());
        assertEquals(1, scan.errors().size());
        assertTrue(scan.errors().get(0).path().endsWith("nope"));
    }
}

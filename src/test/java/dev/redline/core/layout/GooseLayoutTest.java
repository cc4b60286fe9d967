package dev.redline.core.layout;

import static dev.redline.core.layout.Trees.onlySet;
import static dev.redline.core.layout.Trees.order;
import static dev.redline.core.layout.Trees.sectionTexts;
import static dev.redline.core.layout.Trees.transactions;
import static dev.redline.core.layout.Trees.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.model.Direction;
import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationScript;
import dev.redline.core.model.MigrationSet;
import dev.redline.core.model.Tool;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GooseLayoutTest {

    @TempDir
    Path root;

    private final ScriptLoader loader = new ScriptLoader();

    @Test
    void oneFileGivesAnUpAndADownEntryInVersionOrder() {
        write(root, "migrations/10_ten.sql", "-- +goose Up\nSELECT 10;\n-- +goose Down\nSELECT -10;\n");
        write(root, "migrations/2_two.sql", "-- +goose Up\nSELECT 2;\n");
        write(root, "migrations/20240101000000_stamp.sql", "-- +goose Up\nSELECT 3;\n-- +goose Down\n");

        MigrationSet set = onlySet(new LayoutDetector().detect(root));

        assertEquals(Tool.GOOSE, set.tool());
        assertEquals("goose: migrations", set.label());
        assertEquals(List.of(
                "migrations/2_two.sql up",
                "migrations/10_ten.sql up",
                "migrations/10_ten.sql down",
                "migrations/20240101000000_stamp.sql up",
                "migrations/20240101000000_stamp.sql down"), order(set));
        Migration ten = set.migrations().get(1);
        assertEquals("10", ten.version());
        assertEquals("ten", ten.description());
    }

    @Test
    void aByteOrderMarkBeforeTheFirstMarkerStillMakesAGooseFile() {
        write(root, "migrations/1_bom.sql", "\uFEFF-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT -1;\n");
        write(root, "migrations/2_crlf.sql", "-- +goose Up\r\nSELECT 2;\r-- +goose Down\rSELECT -2;\r\n");

        MigrationSet set = onlySet(new LayoutDetector().detect(root));

        assertEquals(Tool.GOOSE, set.tool());
        assertEquals(List.of("migrations/1_bom.sql up", "migrations/1_bom.sql down", "migrations/2_crlf.sql up",
                "migrations/2_crlf.sql down"), order(set));
    }

    @Test
    void sectionsLeaveMarkersOutAndKeepStatementBlocksWhole() {
        String text = """
                -- header comment goose ignores
                -- +goose Up
                CREATE TABLE a (id int);
                -- +goose StatementBegin
                CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;
                -- +goose StatementEnd
                CREATE TABLE b (id int);

                -- +goose Down
                -- +goose StatementBegin
                DROP FUNCTION f();
                -- +goose StatementEnd
                DROP TABLE b;
                DROP TABLE a;
                """;
        write(root, "db/1_init.sql", text);
        List<Migration> ms = onlySet(new LayoutDetector().detect(root)).migrations();

        MigrationScript up = loader.load(ms.get(0));
        MigrationScript down = loader.load(ms.get(1));

        assertEquals(Direction.UP, up.migration().direction());
        assertEquals(List.of(
                "CREATE TABLE a (id int);\n",
                "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n",
                "CREATE TABLE b (id int);\n\n"), sectionTexts(up));
        assertEquals(List.of(true, true, true), transactions(up));
        assertEquals(Direction.DOWN, down.migration().direction());
        assertEquals(List.of("DROP FUNCTION f();\n", "DROP TABLE b;\nDROP TABLE a;\n"), sectionTexts(down));
        assertEquals(text, up.source().text(), "the whole file is kept as the source");
        assertTrue(up.problems().isEmpty());
    }

    @Test
    void noTransactionAnywhereAppliesToBothDirectionsWhateverItsCase() {
        write(root, "db/1_idx.sql", "-- +goose Up\n-- +goose NO TRANSACTION\nCREATE INDEX CONCURRENTLY i ON t (a);\n"
                + "-- +goose Down\nDROP INDEX CONCURRENTLY i;\n");
        write(root, "db/2_idx.sql", "-- +goose no transaction\n-- +goose Up\nCREATE INDEX CONCURRENTLY j ON t (b);\n");
        List<Migration> ms = onlySet(new LayoutDetector().detect(root)).migrations();

        MigrationScript up1 = loader.load(ms.get(0));
        MigrationScript down1 = loader.load(ms.get(1));
        MigrationScript up2 = loader.load(ms.get(2));

        assertEquals(List.of("CREATE INDEX CONCURRENTLY i ON t (a);\n"), sectionTexts(up1));
        assertEquals(List.of(false), transactions(up1));
        assertEquals(List.of(false), transactions(down1));
        assertEquals(List.of("CREATE INDEX CONCURRENTLY j ON t (b);\n"), sectionTexts(up2));
        assertEquals(List.of(false), transactions(up2));
    }

    @Test
    void markersMayBeIndentedOrWrittenWithoutTheSpace() {
        write(root, "db/1_a.sql", "--+goose Up\nSELECT 1;\n   -- +goose Down\nSELECT 2;\n");
        List<Migration> ms = onlySet(new LayoutDetector().detect(root)).migrations();

        assertEquals(2, ms.size());
        assertEquals(List.of("SELECT 1;\n"), sectionTexts(loader.load(ms.get(0))));
        assertEquals(List.of("SELECT 2;\n"), sectionTexts(loader.load(ms.get(1))));
    }

    @Test
    void lookalikeCommentsAreNotMarkers() {
        write(root, "db/1_a.sql", "-- +gooseUp\nSELECT 1;\n-- + goose Up\n-- goose Up\n");

        LayoutScan scan = new LayoutDetector().detect(root);

        assertEquals(Tool.PLAIN, onlySet(scan).tool());
    }

    @Test
    void crlfFilesKeepTheirLineEndingsInsideSections() {
        write(root, "db/1_a.sql", "-- +goose Up\r\nSELECT 1;\r\nSELECT 2;\r\n-- +goose Down\r\nSELECT 3;");
        List<Migration> ms = onlySet(new LayoutDetector().detect(root)).migrations();

        assertEquals(List.of("SELECT 1;\r\nSELECT 2;\r\n"), sectionTexts(loader.load(ms.get(0))));
        assertEquals(List.of("SELECT 3;"), sectionTexts(loader.load(ms.get(1))));
    }

    @Test
    void unterminatedStatementBlockIsReported() {
        write(root, "db/1_a.sql", "-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n");
        MigrationScript up = loader.load(onlySet(new LayoutDetector().detect(root)).migrations().get(0));

        assertEquals(List.of("SELECT 1;\n"), sectionTexts(up));
        assertEquals(1, up.problems().size());
        assertTrue(up.problems().get(0).message().contains("db/1_a.sql"), up.problems().toString());
        assertEquals(2, up.problems().get(0).line());
    }
}

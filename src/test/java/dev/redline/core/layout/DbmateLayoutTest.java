package dev.redline.core.layout;

import static dev.redline.core.layout.Trees.onlySet;
import static dev.redline.core.layout.Trees.order;
import static dev.redline.core.layout.Trees.sectionTexts;
import static dev.redline.core.layout.Trees.transactions;
import static dev.redline.core.layout.Trees.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationSet;
import dev.redline.core.model.Tool;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbmateLayoutTest {

    @TempDir
    Path root;

    private final ScriptLoader loader = new ScriptLoader();

    @Test
    void upAndDownSectionsWithTheirTransactionOptions() {
        write(root, "db/migrations/20240102000000_index.sql", """
                -- migrate:up transaction:false
                CREATE INDEX CONCURRENTLY i ON users (email);

                -- migrate:down
                DROP INDEX i;
                """);
        write(root, "db/migrations/20240101000000_users.sql", """
                -- migrate:up
                CREATE TABLE users (id int);
                -- migrate:down transaction:false
                DROP TABLE users;
                """);

        MigrationSet set = onlySet(new LayoutDetector().detect(root));
        assertEquals(Tool.DBMATE, set.tool());
        assertEquals("dbmate: db/migrations", set.label());
        assertEquals(List.of(
                "db/migrations/20240101000000_users.sql up",
                "db/migrations/20240101000000_users.sql down",
                "db/migrations/20240102000000_index.sql up",
                "db/migrations/20240102000000_index.sql down"), order(set));

        List<Migration> ms = set.migrations();
        assertEquals(List.of("CREATE TABLE users (id int);\n"), sectionTexts(loader.load(ms.get(0))));
        assertEquals(List.of(true), transactions(loader.load(ms.get(0))));
        assertEquals(List.of("DROP TABLE users;\n"), sectionTexts(loader.load(ms.get(1))));
        assertEquals(List.of(false), transactions(loader.load(ms.get(1))));
        assertEquals(List.of("CREATE INDEX CONCURRENTLY i ON users (email);\n\n"),
                sectionTexts(loader.load(ms.get(2))));
        assertEquals(List.of(false), transactions(loader.load(ms.get(2))));
        assertEquals(List.of(true), transactions(loader.load(ms.get(3))));
    }

    @Test
    void fileWithoutDownMarkerHasOnlyAnUpEntry() {
        write(root, "db/migrations/1_a.sql", "--migrate:up\nSELECT 1;\n");

        MigrationSet set = onlySet(new LayoutDetector().detect(root));

        assertEquals(List.of("db/migrations/1_a.sql up"), order(set));
        assertEquals(List.of("SELECT 1;\n"), sectionTexts(loader.load(set.migrations().get(0))));
    }

    @Test
    void markerNeedsAWordBoundary() {
        write(root, "db/migrations/1_a.sql", "-- migrate:upgrade notes\nSELECT 1;\n");

        assertEquals(Tool.PLAIN, onlySet(new LayoutDetector().detect(root)).tool());
    }
}

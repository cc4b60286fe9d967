package dev.redline.core.layout;

import static dev.redline.core.layout.Trees.onlySet;
import static dev.redline.core.layout.Trees.order;
import static dev.redline.core.layout.Trees.touch;
import static dev.redline.core.layout.Trees.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationScript;
import dev.redline.core.model.MigrationSet;
import dev.redline.core.model.Tool;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayLayoutTest {

    private static final String DIR = "src/main/resources/db/migration";

    @TempDir
    Path root;

    @Test
    void versionsApplyNumericallyUndoAfterItsVersionRepeatablesLast() {
        touch(root, DIR + "/V10__ten.sql", DIR + "/V2__two.sql", DIR + "/R__b_view.sql", DIR + "/R__a_func.sql",
                DIR + "/U2__two.sql", DIR + "/V1.10__one_ten.sql", DIR + "/V1_2__one_two.sql", DIR + "/V1__one.sql",
                DIR + "/V20240101120000__stamp.sql");

        MigrationSet set = onlySet(new LayoutDetector().detect(root));

        assertEquals(Tool.FLYWAY, set.tool());
        assertEquals("flyway: " + DIR, set.label());
        assertEquals(root.resolve(DIR).toAbsolutePath(), set.root());
        assertEquals(List.of(
                DIR + "/V1__one.sql up",
                DIR + "/V1_2__one_two.sql up",
                DIR + "/V1.10__one_ten.sql up",
                DIR + "/V2__two.sql up",
                DIR + "/U2__two.sql down",
                DIR + "/V10__ten.sql up",
                DIR + "/V20240101120000__stamp.sql up",
                DIR + "/R__a_func.sql up",
                DIR + "/R__b_view.sql up"), order(set));
    }

    @Test
    void migrationFieldsFollowTheName() {
        touch(root, "db/V1_2__add_customer_phone.sql", "db/R__refresh_views.sql");

        List<Migration> ms = onlySet(new LayoutDetector().detect(root)).migrations();

        Migration versioned = ms.get(0);
        assertEquals("1.2", versioned.version());
        assertEquals("add customer phone", versioned.description());
        assertFalse(versioned.repeatable());
        assertEquals("flyway: db", versioned.setLabel());
        assertEquals(root.resolve("db/V1_2__add_customer_phone.sql").toAbsolutePath(), versioned.file());
        Migration repeatable = ms.get(1);
        assertNull(repeatable.version());
        assertTrue(repeatable.repeatable());
        assertEquals("refresh views", repeatable.description());
    }

    @Test
    void nonMatchingFilesInAFlywayFolderAreLeftToPlain() {
        touch(root, "db/V1__init.sql", "db/seed.sql", "db/v2__lowercase.sql");

        LayoutScan scan = new LayoutDetector().detect(root);

        assertEquals(List.of("flyway: db", "plain: db"), Trees.labels(scan));
        assertEquals(List.of("db/seed.sql", "db/v2__lowercase.sql"), Trees.paths(scan.sets().get(1)));
    }

    @Test
    void wholeFileIsOneSectionWhoseTransactionTheAnalyzerDecides() {
        write(root, "db/V1__init.sql", "CREATE TABLE t (id int);\n");
        Migration m = onlySet(new LayoutDetector().detect(root)).migrations().get(0);

        MigrationScript script = new ScriptLoader().load(m);

        assertEquals(List.of("CREATE TABLE t (id int);\n"), Trees.sectionTexts(script));
        assertEquals(Arrays.asList((Boolean) null), Trees.transactions(script));
        assertEquals(Map.of(), script.placeholders());
    }

    @Test
    void perScriptConfigCanTurnTheTransactionOff() {
        write(root, "db/V1__index.sql", "CREATE INDEX CONCURRENTLY i ON t (a);\n");
        write(root, "db/V1__index.sql.conf", "executeInTransaction=false\n");
        Migration m = onlySet(new LayoutDetector().detect(root)).migrations().get(0);

        assertEquals(List.of(false), Trees.transactions(new ScriptLoader().load(m)));
    }

    @Test
    void placeholdersComeFromFlywayConf() {
        write(root, "flyway.conf", "flyway.url=jdbc:postgresql://x/db\nflyway.placeholders.schema=app\n"
                + "flyway.placeholders.owner = admin\n");
        write(root, "sql/V1__init.sql", "CREATE TABLE ${schema}.t (id int);\n");
        Migration m = onlySet(new LayoutDetector().detect(root)).migrations().get(0);

        assertEquals(Map.of("schema", "app", "owner", "admin"), new ScriptLoader().load(m).placeholders());
    }

    @Test
    void placeholdersComeFromFlywayToml() {
        write(root, "flyway.toml", """
                [environments.dev]
                url = "jdbc:postgresql://localhost/db"

                [environments.dev.flyway.placeholders]
                schema = "dev_schema"
                tenant = 'acme' # literal string

                [flyway]
                locations = ["filesystem:sql"]

                [flyway.placeholders]
                schema = "main_schema"
                retries = 3
                """);
        write(root, "sql/V1__init.sql", "CREATE TABLE ${schema}.t (id int);\n");
        Migration m = onlySet(new LayoutDetector().detect(root)).migrations().get(0);

        assertEquals(Map.of("schema", "main_schema", "tenant", "acme", "retries", "3"),
                new ScriptLoader().load(m).placeholders());
    }

    @Test
    void closerConfigWinsAndBrokenConfigIsHarmless() {
        write(root, "flyway.conf", "flyway.placeholders.schema=outer\nflyway.placeholders.x=1\n");
        write(root, "app/conf/flyway.conf", "flyway.placeholders.schema=inner\n");
        write(root, "app/flyway.toml", "[flyway.placeholders\nthis is = = not toml \"\n");
        write(root, "app/sql/V1__init.sql", "SELECT 1;\n");
        Migration m = onlySet(new LayoutDetector().detect(root)).migrations().get(0);

        assertEquals(Map.of("schema", "inner", "x", "1"), new ScriptLoader().load(m).placeholders());
    }

    @Test
    void anEditedConfigIsSeenOnceTheRememberedValuesExpire() {
        write(root, "flyway.conf", "flyway.placeholders.schema=old\n");
        Path folder = root.resolve("sql");
        FlywayPlaceholders remembering = new FlywayPlaceholders();
        FlywayPlaceholders forgetful = new FlywayPlaceholders(0);
        assertEquals(Map.of("schema", "old"), remembering.forFolder(folder));
        assertEquals(Map.of("schema", "old"), forgetful.forFolder(folder));

        write(root, "flyway.conf", "flyway.placeholders.schema=new\n");

        assertEquals(Map.of("schema", "old"), remembering.forFolder(folder), "one scan reads a config once");
        assertEquals(Map.of("schema", "new"), forgetful.forFolder(folder));
    }
}

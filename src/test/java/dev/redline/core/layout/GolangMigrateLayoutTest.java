package dev.redline.core.layout;

import static dev.redline.core.layout.Trees.onlySet;
import static dev.redline.core.layout.Trees.order;
import static dev.redline.core.layout.Trees.sectionTexts;
import static dev.redline.core.layout.Trees.touch;
import static dev.redline.core.layout.Trees.transactions;
import static dev.redline.core.layout.Trees.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationSet;
import dev.redline.core.model.Tool;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GolangMigrateLayoutTest {

    @TempDir
    Path root;

    @Test
    void pairsApplyInNumericOrderDownAfterUp() {
        touch(root, "migrations/10_ten.down.sql", "migrations/10_ten.up.sql", "migrations/2_two.up.sql",
                "migrations/2_two.down.sql", "migrations/1_one.up.sql", "migrations/README.md");

        MigrationSet set = onlySet(new LayoutDetector().detect(root));

        assertEquals(Tool.GOLANG_MIGRATE, set.tool());
        assertEquals("golang-migrate: migrations", set.label());
        assertEquals(List.of(
                "migrations/1_one.up.sql up",
                "migrations/2_two.up.sql up",
                "migrations/2_two.down.sql down",
                "migrations/10_ten.up.sql up",
                "migrations/10_ten.down.sql down"), order(set));
        Migration ten = set.migrations().get(3);
        assertEquals("10", ten.version());
        assertEquals("ten", ten.description());
    }

    @Test
    void wholeFileSectionTransactionLeftToTheAnalyzer() {
        write(root, "migrations/1_a.up.sql", "BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n");
        Migration m = onlySet(new LayoutDetector().detect(root)).migrations().get(0);

        var script = new ScriptLoader().load(m);

        assertEquals(List.of("BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n"), sectionTexts(script));
        assertEquals(Arrays.asList((Boolean) null), transactions(script));
    }

    @Test
    void popxNamesDatabasesAndAutocommit() {
        String dir = "persistence/sql/migrations/sql/";
        touch(root,
                dir + "20210410175418000000_networks.postgres.up.sql",
                dir + "20210410175418000000_networks.postgres.down.sql",
                dir + "20210410175418000000_networks.mysql.up.sql",
                dir + "20210410175418000000_networks.sqlite3.up.sql",
                dir + "20210410175418000000_networks.cockroach.up.sql",
                dir + "20210410175418000001_neutral.up.sql",
                dir + "20210410175418000001_neutral.down.sql",
                dir + "20220101000000000000_shadowed.up.sql",
                dir + "20220101000000000000_shadowed.postgres.up.sql",
                dir + "20220101000000000000_shadowed.down.sql",
                dir + "20230101000000000000_index.autocommit.up.sql",
                dir + "20230101000000000000_index.postgres.autocommit.down.sql",
                dir + "9_small.up.sql");

        LayoutScan scan = new LayoutDetector().detect(root);
        MigrationSet set = onlySet(scan);

        assertEquals(List.of(
                dir + "9_small.up.sql up",
                dir + "20210410175418000000_networks.postgres.up.sql up",
                dir + "20210410175418000000_networks.postgres.down.sql down",
                dir + "20210410175418000001_neutral.up.sql up",
                dir + "20210410175418000001_neutral.down.sql down",
                dir + "20220101000000000000_shadowed.postgres.up.sql up",
                dir + "20220101000000000000_shadowed.down.sql down",
                dir + "20230101000000000000_index.autocommit.up.sql up",
                dir + "20230101000000000000_index.postgres.autocommit.down.sql down"), order(set));
        assertEquals("networks", set.migrations().get(1).description());
        assertEquals("index", set.migrations().get(8).description());
        assertEquals(Set.of(
                dir + "20210410175418000000_networks.mysql.up.sql",
                dir + "20210410175418000000_networks.sqlite3.up.sql",
                dir + "20210410175418000000_networks.cockroach.up.sql",
                dir + "20220101000000000000_shadowed.up.sql"),
                scan.skipped().stream().map(SkippedFile::relativePath).collect(Collectors.toSet()));
        assertEquals(Set.of(Tool.GOLANG_MIGRATE), scan.skipped().stream().map(SkippedFile::tool)
                .collect(Collectors.toSet()));
        ScriptLoader loader = new ScriptLoader();
        assertEquals(List.of(false), transactions(loader.load(set.migrations().get(7))));
        assertEquals(List.of(false), transactions(loader.load(set.migrations().get(8))));
        assertEquals(Arrays.asList((Boolean) null), transactions(loader.load(set.migrations().get(1))));
    }
}

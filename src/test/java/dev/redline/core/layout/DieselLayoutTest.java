package dev.redline.core.layout;

import static dev.redline.core.layout.Trees.onlySet;
import static dev.redline.core.layout.Trees.order;
import static dev.redline.core.layout.Trees.touch;
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

class DieselLayoutTest {

    @TempDir
    Path root;

    private final ScriptLoader loader = new ScriptLoader();

    @Test
    void foldersApplyByVersionEachDownAfterItsUp() {
        touch(root, "migrations/2019-02-27-170003_create_community/up.sql",
                "migrations/2019-02-27-170003_create_community/down.sql",
                "migrations/2019-02-26-002946_create_user/down.sql",
                "migrations/2019-02-26-002946_create_user/up.sql",
                "migrations/00000000000000_diesel_initial_setup/up.sql",
                "migrations/00000000000000_diesel_initial_setup/down.sql",
                "migrations/2026-03-08-202630-0000_add_keys/up.sql");

        MigrationSet set = onlySet(new LayoutDetector().detect(root));

        assertEquals(Tool.DIESEL, set.tool());
        assertEquals("diesel: migrations", set.label());
        assertEquals(List.of(
                "migrations/00000000000000_diesel_initial_setup/up.sql up",
                "migrations/00000000000000_diesel_initial_setup/down.sql down",
                "migrations/2019-02-26-002946_create_user/up.sql up",
                "migrations/2019-02-26-002946_create_user/down.sql down",
                "migrations/2019-02-27-170003_create_community/up.sql up",
                "migrations/2019-02-27-170003_create_community/down.sql down",
                "migrations/2026-03-08-202630-0000_add_keys/up.sql up"), order(set));
        Migration user = set.migrations().get(2);
        assertEquals("2019-02-26-002946", user.version());
        assertEquals("create_user", user.description());
    }

    @Test
    void runsInATransactionUnlessMetadataSaysOtherwise() {
        touch(root, "migrations/2020-01-01-000000_a/up.sql", "migrations/2020-01-02-000000_b/up.sql",
                "migrations/2020-01-02-000000_b/down.sql");
        write(root, "migrations/2020-01-02-000000_b/metadata.toml", "run_in_transaction = false\n");
        List<Migration> ms = onlySet(new LayoutDetector().detect(root)).migrations();

        assertEquals(List.of(true), transactions(loader.load(ms.get(0))));
        assertEquals(List.of(false), transactions(loader.load(ms.get(1))));
        assertEquals(List.of(false), transactions(loader.load(ms.get(2))));
    }
}

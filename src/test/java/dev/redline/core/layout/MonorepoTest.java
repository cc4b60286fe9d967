package dev.redline.core.layout;

import static dev.redline.core.layout.Trees.paths;
import static dev.redline.core.layout.Trees.touch;
import static dev.redline.core.layout.Trees.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationSet;
import dev.redline.core.model.Tool;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonorepoTest {

    @TempDir
    Path root;

    @Test
    void setsOfSeveralToolsSortedByFolder() {
        touch(root,
                "services/billing/src/main/resources/db/migration/V2__b.sql",
                "services/billing/src/main/resources/db/migration/V1__a.sql",
                "apps/web/prisma/migrations/20230101000000_init/migration.sql",
                "apps/web/prisma/migrations/20230201000000_more/migration.sql",
                "scripts/sql/2_cleanup.sql",
                "scripts/sql/10_backfill.sql",
                // copies and tooling that must not count
                "services/billing/target/classes/db/migration/V1__a.sql",
                "apps/web/node_modules/some-lib/migrations/1_x.sql",
                ".git/hooks/x.sql", ".idea/queries/q.sql", "build/out.sql", "dist/x.sql", "vendor/lib/x.sql",
                "scripts/.hidden/x.sql");
        write(root, "apps/web/prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n");

        LayoutScan scan = new LayoutDetector().detect(root);

        assertEquals(List.of(
                "prisma: apps/web/prisma/migrations",
                "plain: scripts/sql",
                "flyway: services/billing/src/main/resources/db/migration"), Trees.labels(scan));
        assertEquals(List.of(Tool.PRISMA, Tool.PLAIN, Tool.FLYWAY),
                scan.sets().stream().map(MigrationSet::tool).toList());
        assertEquals(List.of("scripts/sql/2_cleanup.sql", "scripts/sql/10_backfill.sql"),
                paths(scan.sets().get(1)));
        assertEquals(List.of("services/billing/src/main/resources/db/migration/V1__a.sql",
                "services/billing/src/main/resources/db/migration/V2__b.sql"), paths(scan.sets().get(2)));
        for (MigrationSet set : scan.sets()) {
            for (Migration m : set.migrations()) {
                assertEquals(set.label(), m.setLabel());
                assertEquals(set.tool(), m.tool());
                assertEquals(root.resolve(m.relativePath()).toAbsolutePath(), m.file());
            }
        }
        assertEquals(6, scan.migrations().size());
        assertTrue(scan.errors().isEmpty(), scan.errors().toString());
    }

    @Test
    void everySqlFileIsClaimedAtMostOnce() {
        touch(root, "a/V1__x.sql", "a/1_y.up.sql", "a/1_y.down.sql", "a/loose.sql",
                "b/migrations/2020-01-01-000000_x/up.sql", "b/migrations/2020-01-01-000000_x/down.sql",
                "b/migrations/2020-01-01-000000_x/extra.sql", "b/migrations/stray.sql");
        write(root, "a/2_goose.sql", "-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT 2;\n");
        write(root, "a/3_dbmate.sql", "-- migrate:up\nSELECT 1;\n");

        LayoutScan scan = new LayoutDetector().detect(root);

        assertEquals(List.of("flyway: a", "goose: a", "dbmate: a", "golang-migrate: a", "plain: a",
                "diesel: b/migrations", "plain: b/migrations", "plain: b/migrations/2020-01-01-000000_x"),
                Trees.labels(scan), "one folder's sets are ordered by tool");
        Set<String> seen = new HashSet<>();
        for (MigrationSet set : scan.sets()) {
            Set<String> inSet = new HashSet<>();
            for (Migration m : set.migrations()) {
                inSet.add(m.relativePath());
            }
            for (String p : inSet) {
                assertTrue(seen.add(p), p + " is in two sets");
            }
        }
        assertEquals(Set.of("a/V1__x.sql", "a/1_y.up.sql", "a/1_y.down.sql", "a/loose.sql", "a/2_goose.sql",
                "a/3_dbmate.sql", "b/migrations/2020-01-01-000000_x/up.sql",
                "b/migrations/2020-01-01-000000_x/down.sql", "b/migrations/2020-01-01-000000_x/extra.sql",
                "b/migrations/stray.sql"), seen);
    }
}

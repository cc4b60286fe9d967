package dev.redline.core.layout;

import static dev.redline.core.layout.Trees.onlySet;
import static dev.redline.core.layout.Trees.order;
import static dev.redline.core.layout.Trees.touch;
import static dev.redline.core.layout.Trees.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationSet;
import dev.redline.core.model.Tool;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrismaLayoutTest {

    @TempDir
    Path root;

    @Test
    void foldersUnderAPrismaFolderApplyByName() {
        touch(root, "packages/db/prisma/migrations/20230201000000_add_index/migration.sql",
                "packages/db/prisma/migrations/20230101000000_init/migration.sql");
        write(root, "packages/db/prisma/schema.prisma", "model User { id Int @id }\n");

        MigrationSet set = onlySet(new LayoutDetector().detect(root));

        assertEquals(Tool.PRISMA, set.tool());
        assertEquals("prisma: packages/db/prisma/migrations", set.label());
        assertEquals(List.of(
                "packages/db/prisma/migrations/20230101000000_init/migration.sql up",
                "packages/db/prisma/migrations/20230201000000_add_index/migration.sql up"), order(set));
        Migration first = set.migrations().get(0);
        assertEquals("20230101000000", first.version());
        assertEquals("init", first.description());
        var script = new ScriptLoader().load(first);
        assertEquals(Arrays.asList((Boolean) null), Trees.transactions(script));
    }

    @Test
    void aLockFileMarksAMigrationsFolderAnywhere() {
        touch(root, "db/migrations/20230101000000_init/migration.sql");
        write(root, "db/migrations/migration_lock.toml", "provider = \"postgresql\"\n");

        assertEquals(Tool.PRISMA, onlySet(new LayoutDetector().detect(root)).tool());
    }

    @Test
    void withoutLockFileOrPrismaFolderItIsNotPrisma() {
        touch(root, "db/migrations/20230101000000_init/migration.sql");

        MigrationSet set = onlySet(new LayoutDetector().detect(root));

        assertEquals(Tool.PLAIN, set.tool());
        assertEquals("plain: db/migrations/20230101000000_init", set.label());
    }
}

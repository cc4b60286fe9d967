package dev.redline.core.layout;

import static dev.redline.core.layout.Trees.order;
import static dev.redline.core.layout.Trees.touch;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redline.core.model.MigrationSet;
import dev.redline.core.model.Tool;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupabaseLayoutTest {

    @TempDir
    Path root;

    @Test
    void timestampedFilesApplyInTimestampOrder() {
        touch(root, "supabase/migrations/20240102000000_b.sql", "supabase/migrations/20231231235959_a.sql",
                "supabase/migrations/notes.sql", "supabase/seed.sql");

        LayoutScan scan = new LayoutDetector().detect(root);

        assertEquals(List.of("plain: supabase", "supabase: supabase/migrations", "plain: supabase/migrations"),
                Trees.labels(scan));
        MigrationSet set = Trees.set(scan, Tool.SUPABASE);
        assertEquals(List.of("supabase/migrations/20231231235959_a.sql up",
                "supabase/migrations/20240102000000_b.sql up"), order(set));
        assertEquals("20231231235959", set.migrations().get(0).version());
        assertEquals("a", set.migrations().get(0).description());
    }

    @Test
    void scanningTheMigrationsFolderItselfStillCounts() {
        touch(root, "supabase/migrations/20240102000000_b.sql");

        MigrationSet set = Trees.onlySet(new LayoutDetector().detect(root.resolve("supabase/migrations")));

        assertEquals(Tool.SUPABASE, set.tool());
        assertEquals("supabase: .", set.label());
        assertEquals("20240102000000_b.sql", set.migrations().get(0).relativePath());
    }
}

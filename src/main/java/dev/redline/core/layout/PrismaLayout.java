package dev.redline.core.layout;

import dev.redline.core.model.Direction;
import dev.redline.core.model.Migration;
import dev.redline.core.model.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prisma Migrate: {@code migrations/<timestamp>_<name>/migration.sql}, applied in folder-name order. A
 * {@code migrations} folder counts when it holds {@code migration_lock.toml} (written by {@code prisma migrate}) or
 * sits under a folder named {@code prisma}; a bare {@code migration.sql} in subfolders is too generic to claim.
 */
final class PrismaLayout implements MigrationLayout {

    static final String SCRIPT = "migration.sql";

    @Override
    public void detect(DetectionContext context) {
        ScannedTree tree = context.tree();
        for (ScannedFolder folder : tree.all()) {
            if (!isPrismaMigrations(folder)) {
                continue;
            }
            List<String> dirs = new ArrayList<>(folder.subfolders());
            dirs.sort(String::compareTo); // Prisma sorts migration folders by name, as plain strings
            List<Migration> migrations = new ArrayList<>();
            for (String dir : dirs) {
                ScannedFolder sub = tree.child(folder, dir);
                if (sub == null || !sub.hasFile(SCRIPT) || context.isClaimed(sub.relOf(SCRIPT))) {
                    continue;
                }
                String version = Digits.leading(dir);
                String description = version == null ? dir : dir.substring(version.length()).replaceFirst("^_", "");
                migrations.add(DetectionContext.migration(sub.path(SCRIPT), sub.relOf(SCRIPT), Tool.PRISMA,
                        Direction.UP, version, description, folder.rel(), false));
            }
            context.addSet(Tool.PRISMA, folder, migrations);
        }
    }

    private static boolean isPrismaMigrations(ScannedFolder folder) {
        if (folder.hasFile("migration_lock.toml")) {
            return true;
        }
        if (!folder.name().equals("migrations")) {
            return false;
        }
        for (Path p = folder.dir().getParent(); p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("prisma")) {
                return true;
            }
        }
        return false;
    }
}

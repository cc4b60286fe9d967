package dev.redline.core.layout;

import dev.redline.core.model.Direction;
import dev.redline.core.model.Migration;
import dev.redline.core.model.Tool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Diesel: {@code migrations/<version>_<name>/up.sql} and {@code down.sql}, e.g.
 * {@code 2019-02-26-002946_create_user}. Diesel orders migrations by version (the folder name up to its first
 * {@code _}) compared as strings; the down script follows its up script.
 */
final class DieselLayout implements MigrationLayout {

    @Override
    public void detect(DetectionContext context) {
        ScannedTree tree = context.tree();
        for (ScannedFolder folder : tree.all()) {
            List<String> dirs = new ArrayList<>();
            for (String dir : folder.subfolders()) {
                ScannedFolder sub = tree.child(folder, dir);
                // Diesel versions start with a digit (timestamps, 00000000000000_diesel_initial_setup).
                if (sub != null && Digits.leading(dir) != null && (sub.hasFile("up.sql") || sub.hasFile("down.sql"))) {
                    dirs.add(dir);
                }
            }
            dirs.sort(Comparator.comparing(DieselLayout::version).thenComparing(Comparator.naturalOrder()));
            List<Migration> migrations = new ArrayList<>();
            for (String dir : dirs) {
                ScannedFolder sub = tree.child(folder, dir);
                int cut = dir.indexOf('_');
                String description = cut < 0 ? "" : dir.substring(cut + 1);
                for (String script : List.of("up.sql", "down.sql")) {
                    if (sub.hasFile(script) && !context.isClaimed(sub.relOf(script))) {
                        migrations.add(DetectionContext.migration(sub.path(script), sub.relOf(script), Tool.DIESEL,
                                script.equals("up.sql") ? Direction.UP : Direction.DOWN, version(dir), description,
                                folder.rel(), false));
                    }
                }
            }
            context.addSet(Tool.DIESEL, folder, migrations);
        }
    }

    private static String version(String dir) {
        int cut = dir.indexOf('_');
        return cut < 0 ? dir : dir.substring(0, cut);
    }
}

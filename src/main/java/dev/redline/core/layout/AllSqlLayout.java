package dev.redline.core.layout;

import dev.redline.core.model.Migration;
import dev.redline.core.model.Tool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The "analyse everything" view: every .sql file under the folder, whatever tool laid it out, as one set ordered
 * by relative path. goose and dbmate files keep their marker sections (the markers are statement boundaries). For reviewing a tree whose runner Redline does not know.
 */
final class AllSqlLayout implements MigrationLayout {

    @Override
    public void detect(DetectionContext context) {
        ScannedTree tree = context.tree();
        ScannedFolder top = tree.folders().get("");
        if (top == null) {
            return; // the root itself could not be read; the walk reported why
        }
        context.prefetchUnclaimedMarkers();
        List<Migration> migrations = new ArrayList<>();
        for (ScannedFolder folder : tree.all()) {
            for (String name : folder.sqlFiles()) {
                migrations.addAll(MarkedFileLayout.ofLoneFile(folder, name, folder.relOf(name),
                        context.markers(folder, name)));
            }
        }
        migrations.sort(Comparator.comparing(Migration::relativePath, NaturalOrder.PATHS));
        context.addSet(Tool.PLAIN, top, migrations);
    }
}

package dev.redline.core.layout;

import dev.redline.core.model.Direction;
import dev.redline.core.model.Migration;
import dev.redline.core.model.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sqitch: a {@code sqitch.plan} next to {@code deploy/}, {@code revert/} and {@code verify/}. The plan gives the
 * order; {@code deploy/<change>.sql} is the UP migration and {@code revert/<change>.sql} its DOWN right after it.
 * Verify scripts only check a deploy (and run inside a rolled-back transaction), so they are claimed but skipped,
 * as are scripts the plan does not list.
 */
final class SqitchLayout implements MigrationLayout {

    private static final List<String> SCRIPT_DIRS = List.of("deploy", "revert", "verify");

    @Override
    public void detect(DetectionContext context) {
        ScannedTree tree = context.tree();
        for (ScannedFolder folder : tree.all()) {
            if (!folder.hasFile("sqitch.plan")) {
                continue;
            }
            String planRel = folder.relOf("sqitch.plan");
            List<SqitchPlan.Change> changes;
            try {
                changes = SqitchPlan.parse(Files.readString(folder.path("sqitch.plan"), StandardCharsets.UTF_8));
            } catch (IOException e) {
                context.error(planRel, "cannot read the Sqitch plan: " + IoReasons.describe(e));
                continue;
            }
            List<Migration> migrations = new ArrayList<>();
            Set<String> used = new HashSet<>();
            int position = 0;
            for (SqitchPlan.Change change : changes) {
                position++;
                Migration up = script(context, folder, "deploy", change, Direction.UP, position);
                if (up != null && !used.add(up.relativePath())) {
                    continue; // listed twice without a tag in between: Sqitch would refuse the plan
                }
                if (up == null) {
                    context.error(planRel, "change '" + change.name() + "' has no deploy/" + change.script() + ".sql");
                    continue;
                }
                migrations.add(up);
                Migration down = script(context, folder, "revert", change, Direction.DOWN, position);
                if (down != null && used.add(down.relativePath())) {
                    migrations.add(down);
                }
            }
            context.addSet(Tool.SQITCH, folder, migrations);
            for (String dirName : SCRIPT_DIRS) {
                ScannedFolder dir = tree.child(folder, dirName);
                if (dir == null) {
                    continue;
                }
                for (ScannedFolder f : tree.subtree(dir)) {
                    for (String name : context.unclaimedSql(f)) {
                        context.skip(f.relOf(name), Tool.SQITCH, dirName.equals("verify")
                                ? "a Sqitch verify script: it checks a deploy and changes nothing"
                                : "not listed in sqitch.plan, so Sqitch never runs it");
                    }
                }
            }
        }
    }

    /** The change's script in {@code deploy/} or {@code revert/}, or {@code null} when there is none. */
    private static Migration script(DetectionContext context, ScannedFolder project, String dirName,
                                    SqitchPlan.Change change, Direction direction, int position) {
        String rel = project.relOf(dirName + "/" + change.script() + ".sql");
        int slash = rel.lastIndexOf('/');
        ScannedFolder dir = context.tree().folders().get(rel.substring(0, slash));
        String fileName = rel.substring(slash + 1);
        if (dir == null || !dir.hasFile(fileName) || context.isClaimed(rel)) {
            return null;
        }
        // Sqitch orders by plan position, which is the closest thing it has to a version.
        return DetectionContext.migration(dir.path(fileName), rel, Tool.SQITCH, direction, Integer.toString(position),
                change.script(), project.rel(), false);
    }
}

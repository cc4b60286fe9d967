package dev.redline.core.layout;

import dev.redline.core.model.Direction;
import dev.redline.core.model.Migration;
import dev.redline.core.model.Tool;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whatever .sql files no tool layout claimed: one set per folder, in natural file-name order, which is how
 * hand-rolled runners ({@code 0001-init.sql}, {@code 2_x.sql} before {@code 10_x.sql}) apply them.
 */
final class PlainLayout implements MigrationLayout {

    /** Flyway's undo scripts, {@code U<version>__<description>.sql} (lower-cased). */
    private static final Pattern FLYWAY_UNDO = Pattern.compile("u[0-9][0-9._]*__.*\\.sql");

    @Override
    public void detect(DetectionContext context) {
        for (ScannedFolder folder : context.tree().all()) {
            List<Migration> migrations = context.unclaimedSql(folder).stream()
                    .sorted(NaturalOrder.NAMES)
                    .map(name -> migration(folder, name, folder.relOf(name), folder.rel()))
                    .toList();
            context.addSet(Tool.PLAIN, folder, migrations);
        }
    }

    static Migration migration(ScannedFolder folder, String name, String rel, String setFolderRel) {
        String base = ScannedFolder.isSql(name)
                ? name.substring(0, name.length() - 4) : name;
        return DetectionContext.migration(folder.path(name), rel, Tool.PLAIN, directionByName(rel),
                Digits.leading(name), base, setFolderRel, false);
    }

    /**
     * Down, undo and revert scripts keep that meaning even where no layout is recognised: {@code down.sql},
     * {@code *.down.sql}, {@code *_down.sql}, Flyway's {@code U…__} undo scripts and Sqitch's {@code revert/}.
     */
    static Direction directionByName(String rel) {
        String lower = rel.toLowerCase(java.util.Locale.ROOT);
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        boolean down = name.equals("down.sql") || name.endsWith(".down.sql") || name.endsWith("_down.sql")
                || (name.startsWith("u") && FLYWAY_UNDO.matcher(name).matches()) || lower.startsWith("revert/")
                || lower.contains("/revert/");
        return down ? Direction.DOWN : Direction.UP;
    }
}

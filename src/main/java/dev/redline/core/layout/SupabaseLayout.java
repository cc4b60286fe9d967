package dev.redline.core.layout;

import dev.redline.core.model.Direction;
import dev.redline.core.model.Migration;
import dev.redline.core.model.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Supabase CLI's {@code supabase/migrations/<timestamp>_<name>.sql}, applied in timestamp order. Other files
 * there are ignored by the CLI, so they are left for the plain layout.
 */
final class SupabaseLayout implements MigrationLayout {

    private static final Pattern NAME = Pattern.compile("^(\\d+)_(.*)\\.sql$");

    @Override
    public void detect(DetectionContext context) {
        for (ScannedFolder folder : context.tree().all()) {
            if (!isSupabaseMigrations(folder.dir())) {
                continue;
            }
            List<Matcher> files = new ArrayList<>();
            for (String name : context.unclaimedSql(folder)) {
                Matcher m = NAME.matcher(name);
                if (m.matches()) {
                    files.add(m);
                }
            }
            files.sort(Comparator.<Matcher, String>comparing(m -> m.group(1), Digits::compare)
                    .thenComparing(m -> m.group(0), NaturalOrder.NAMES));
            List<Migration> migrations = files.stream()
                    .map(m -> DetectionContext.migration(folder.path(m.group(0)), folder.relOf(m.group(0)),
                            Tool.SUPABASE, Direction.UP, m.group(1), m.group(2), folder.rel(), false))
                    .toList();
            context.addSet(Tool.SUPABASE, folder, migrations);
        }
    }

    /** Looks at the real path, so scanning {@code supabase/migrations} itself still counts. */
    private static boolean isSupabaseMigrations(Path dir) {
        Path name = dir.getFileName();
        Path parent = dir.getParent();
        return name != null && name.toString().equals("migrations") && parent != null
                && parent.getFileName() != null && parent.getFileName().toString().equals("supabase");
    }
}

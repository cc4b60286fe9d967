package dev.redline.core.layout;

import dev.redline.core.model.Direction;
import dev.redline.core.model.Migration;
import dev.redline.core.model.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway's default naming: {@code V<version>__<description>.sql} (versioned), {@code U<version>__...} (undo) and
 * {@code R__<description>.sql} (repeatable). Versions apply in numeric order part by part, each undo right after
 * its versioned script, and repeatables after every versioned script, ordered by description as Flyway does.
 * One set per folder: Flyway's locations are often per database ({@code db/migration/postgresql}), so folders are
 * not merged.
 */
final class FlywayLayout implements MigrationLayout {

    private static final Pattern VERSIONED = Pattern.compile("^([VU])(\\d+(?:[._]\\d+)*)__(.*)\\.sql$");
    private static final Pattern REPEATABLE = Pattern.compile("^R__(.*)\\.sql$");

    private static final int VERSIONED_KIND = 0;
    private static final int UNDO_KIND = 1;
    private static final int REPEATABLE_KIND = 2;

    private record Entry(Migration migration, String[] parts, int kind, String name) {
    }

    @Override
    public void detect(DetectionContext context) {
        for (ScannedFolder folder : context.tree().all()) {
            List<Entry> entries = new ArrayList<>();
            for (String name : context.unclaimedSql(folder)) {
                Matcher v = VERSIONED.matcher(name);
                Matcher r = REPEATABLE.matcher(name);
                if (v.matches()) {
                    String version = v.group(2).replace('_', '.');
                    boolean undo = v.group(1).equals("U");
                    entries.add(new Entry(migration(folder, name, undo ? Direction.DOWN : Direction.UP, version,
                            v.group(3), false), version.split("\\."), undo ? UNDO_KIND : VERSIONED_KIND, name));
                } else if (r.matches()) {
                    entries.add(new Entry(migration(folder, name, Direction.UP, null, r.group(1), true),
                            null, REPEATABLE_KIND, name));
                }
            }
            entries.sort(FlywayLayout::applyOrder);
            context.addSet(Tool.FLYWAY, folder, entries.stream().map(Entry::migration).toList());
        }
    }

    private static int applyOrder(Entry a, Entry b) {
        boolean ra = a.kind == REPEATABLE_KIND;
        boolean rb = b.kind == REPEATABLE_KIND;
        if (ra != rb) {
            return ra ? 1 : -1;
        }
        int c = ra ? a.migration.description().compareTo(b.migration.description())
                : compareVersions(a.parts, b.parts);
        if (c == 0) {
            c = Integer.compare(a.kind, b.kind); // V before its U
        }
        return c != 0 ? c : NaturalOrder.NAMES.compare(a.name, b.name);
    }

    private static Migration migration(ScannedFolder folder, String name, Direction direction, String version,
                                       String description, boolean repeatable) {
        // Flyway shows underscores in the description as spaces.
        return DetectionContext.migration(folder.path(name), folder.relOf(name), Tool.FLYWAY, direction, version,
                description.replace('_', ' '), folder.rel(), repeatable);
    }

    /** Part by part, numerically; missing parts count as zero, as in Flyway where 1.0 and 1 are the same. */
    static int compareVersions(String[] a, String[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int c = Digits.compare(i < a.length ? a[i] : "0", i < b.length ? b[i] : "0");
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}

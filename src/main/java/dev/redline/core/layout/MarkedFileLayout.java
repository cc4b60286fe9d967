package dev.redline.core.layout;

import dev.redline.core.model.Direction;
import dev.redline.core.model.Migration;
import dev.redline.core.model.Tool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tools that keep both directions in one file between comment markers (goose, dbmate), recognised by those
 * markers rather than by name. Each file becomes an UP migration and, when it has a down marker, a DOWN migration
 * right after it; the loader later cuts out each direction's sections. Files apply in order of the version their
 * name starts with ({@code <version>_<name>.sql}).
 */
abstract class MarkedFileLayout implements MigrationLayout {

    private final Tool tool;

    MarkedFileLayout(Tool tool) {
        this.tool = tool;
    }

    abstract boolean hasUp(FileMarkers markers);

    abstract boolean hasDown(FileMarkers markers);

    @Override
    public void detect(DetectionContext context) {
        context.prefetchUnclaimedMarkers();
        for (ScannedFolder folder : context.tree().all()) {
            List<String> files = new ArrayList<>();
            for (String name : context.unclaimedSql(folder)) {
                if (hasUp(context.markers(folder, name))) {
                    files.add(name);
                }
            }
            files.sort(Comparator.<String, String>comparing(Digits::leading, Digits::compareNullable)
                    .thenComparing(NaturalOrder.NAMES));
            List<Migration> migrations = new ArrayList<>();
            for (String name : files) {
                migrations.addAll(migrations(folder, name, tool, hasDown(context.markers(folder, name)),
                        folder.rel()));
            }
            context.addSet(tool, folder, migrations);
        }
    }

    /** The UP migration of a marked file and, when it has a down section, the DOWN one right after it. */
    static List<Migration> migrations(ScannedFolder folder, String name, Tool tool, boolean hasDown, String setRel) {
        String version = Digits.leading(name);
        String base = name.substring(0, name.length() - ".sql".length());
        String description = version == null ? base : base.substring(version.length()).replaceFirst("^_", "");
        List<Migration> out = new ArrayList<>(2);
        out.add(DetectionContext.migration(folder.path(name), folder.relOf(name), tool, Direction.UP, version,
                description, setRel, false));
        if (hasDown) {
            out.add(DetectionContext.migration(folder.path(name), folder.relOf(name), tool, Direction.DOWN, version,
                    description, setRel, false));
        }
        return out;
    }

    /**
     * The migrations of a file judged on its own (a single-file PATH, or {@code --all-sql}): goose and dbmate files
     * still have their marker sections, because the markers are statement boundaries whatever the layout.
     */
    static List<Migration> ofLoneFile(ScannedFolder folder, String name, String rel, FileMarkers markers) {
        if (markers.gooseUp()) {
            return migrations(folder, name, Tool.GOOSE, markers.gooseDown(), "");
        }
        if (markers.dbmateUp()) {
            return migrations(folder, name, Tool.DBMATE, markers.dbmateDown(), "");
        }
        return List.of(PlainLayout.migration(folder, name, rel, ""));
    }
}

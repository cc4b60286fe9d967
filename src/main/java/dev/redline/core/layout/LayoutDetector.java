package dev.redline.core.layout;

import dev.redline.core.analysis.ProjectAnalysis.PathError;
import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationSet;
import dev.redline.core.model.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the migration sets of every supported tool under a folder. A monorepo may hold several sets of different
 * tools; every .sql file ends up in at most one set.
 */
public final class LayoutDetector {

    /**
     * Tried in this order, each on the files the earlier ones left. Layouts with a definite marker file or folder
     * shape go first, then exact file-name patterns, then the content markers of goose and dbmate (which mean
     * reading the file), then Supabase's loose {@code <n>_<name>.sql}; plain takes the rest.
     */
    private static final List<MigrationLayout> LAYOUTS = List.of(
            new SqitchLayout(),
            new PrismaLayout(),
            new DieselLayout(),
            new GolangMigrateLayout(),
            new FlywayLayout(),
            new GooseLayout(),
            new DbmateLayout(),
            new SupabaseLayout(),
            new PlainLayout());

    /** Detects every migration set under {@code root} (a folder) or the single .sql file {@code root}. */
    public LayoutScan detect(Path root) {
        return scan(root, LAYOUTS);
    }

    /** Treats every .sql file under {@code root} as a plain migration, ordered by path. */
    public LayoutScan allSql(Path root) {
        return scan(root, List.of(new AllSqlLayout()));
    }

    private static LayoutScan scan(Path root, List<MigrationLayout> layouts) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(root, BasicFileAttributes.class);
        } catch (IOException e) {
            return new LayoutScan(List.of(), List.of(new PathError(root.toString(), IoReasons.describe(e))));
        }
        if (!attrs.isDirectory()) {
            return singleFile(root, attrs);
        }
        DetectionContext context = new DetectionContext(TreeWalker.walk(root));
        for (MigrationLayout layout : layouts) {
            layout.detect(context);
        }
        List<MigrationSet> sets = context.found().stream()
                .sorted(Comparator.comparing(DetectionContext.Found::folderRel, NaturalOrder.PATHS)
                        .thenComparing(f -> f.set().tool()))
                .map(DetectionContext.Found::set)
                .toList();
        return new LayoutScan(sets, context.errors(), context.skipped(), context.readAhead());
    }

    /**
     * A file the user pointed at is analysed as it is, whatever its name (goose/dbmate markers still cut it). The
     * bytes read for its markers are handed on, so the loader does not read the file a second time.
     */
    private static LayoutScan singleFile(Path file, BasicFileAttributes attrs) {
        if (!attrs.isRegularFile()) {
            return new LayoutScan(List.of(), List.of(new PathError(file.toString(), "not a file or folder")));
        }
        Path abs = file.toAbsolutePath();
        String name = abs.getFileName().toString();
        Path parent = abs.getParent();
        ScannedFolder folder = new ScannedFolder("", parent, List.of(name), List.of());
        // Labelled by the file, not by "." as a folder's set would be: the user asked about this one file.
        String label = Tool.PLAIN.id() + ": " + name;
        ReadAhead readAhead = ReadAhead.withCapacity(ScriptLoader.MAX_BYTES); // room for the one file
        FileMarkers markers = FileMarkers.of(folder.path(name), readAhead);
        List<Migration> labelled = new ArrayList<>();
        for (Migration m : MarkedFileLayout.ofLoneFile(folder, name, name, markers)) {
            labelled.add(new Migration(m.file(), m.relativePath(), m.tool(), m.direction(), m.version(),
                    m.description(), label, false));
        }
        return new LayoutScan(List.of(new MigrationSet(labelled.get(0).tool(), parent, label, List.copyOf(labelled))),
                List.of(), List.of(), readAhead);
    }
}

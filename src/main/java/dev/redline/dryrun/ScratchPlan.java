package dev.redline.dryrun;

import dev.redline.core.analysis.MigrationAnalyzer;
import dev.redline.core.layout.LayoutDetector;
import dev.redline.core.layout.LayoutScan;
import dev.redline.core.layout.ScriptLoader;
import dev.redline.core.model.Direction;
import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a dry-run on an empty scratch database (the embedded server) runs: the migrations of the project that come
 * before the ones dry-run, applied for real to build the schema they expect ({@link #replay}), then the dry-run
 * ones ({@link #selection}): by default the project's last migration in apply order, or the files picked by hand.
 *
 * @param replay    the migrations to apply for real first, in apply order (empty when the picked files are not part
 *                  of a migration set under the project folder)
 * @param selection the migrations to dry-run
 * @param notes     what the user must know about the choice
 */
public record ScratchPlan(List<PlannedMigration> replay, MigrationSelection selection, List<String> notes) {

    private static final ScriptLoader LOADER = new ScriptLoader();

    public ScratchPlan {
        replay = List.copyOf(replay);
        notes = List.copyOf(notes);
    }

    /**
     * The plan for {@code projectDir}: with no {@code picked} files, replay every up migration but the last and
     * dry-run the last; with picked files, dry-run them (in the order given) and replay every up migration of their
     * set that comes before the first of them in apply order.
     */
    public static ScratchPlan of(Path projectDir, List<Path> picked) throws MigrationSelection.Unavailable {
        LayoutScan scan = new LayoutDetector().detect(projectDir);
        if (picked.isEmpty()) {
            if (scan.sets().isEmpty()) {
                throw new MigrationSelection.Unavailable("no migrations found under " + projectDir);
            }
            if (scan.sets().size() > 1) {
                throw new MigrationSelection.Unavailable("there are " + scan.sets().size() + " migration sets under "
                        + projectDir + " (" + scan.sets().stream().map(MigrationSet::label)
                        .collect(Collectors.joining(", ")) + "); point PROJECT_DIR at one of them, or pick the "
                        + "migrations to dry-run with --migration");
            }
            List<Migration> ups = ups(scan.sets().get(0));
            if (ups.isEmpty()) {
                throw new MigrationSelection.Unavailable("no up migration found under " + projectDir);
            }
            Migration last = ups.get(ups.size() - 1);
            List<PlannedMigration> replay = new ArrayList<>();
            for (Migration m : ups.subList(0, ups.size() - 1)) {
                replay.add(planned(m));
            }
            MigrationSelection selection = new MigrationSelection(List.of(planned(last)), null);
            return new ScratchPlan(replay, selection, List.of());
        }

        MigrationSelection selection = MigrationSelection.ofFiles(picked);
        List<Path> pickedReal = new ArrayList<>();
        for (Path p : picked) {
            pickedReal.add(real(p));
        }
        for (MigrationSet set : scan.sets()) {
            List<Migration> ups = ups(set);
            int first = -1;
            for (int i = 0; i < ups.size() && first < 0; i++) {
                if (pickedReal.contains(real(ups.get(i).file()))) {
                    first = i;
                }
            }
            if (first < 0) {
                continue;
            }
            List<PlannedMigration> replay = new ArrayList<>();
            for (Migration m : ups.subList(0, first)) {
                replay.add(planned(m));
            }
            return new ScratchPlan(replay, selection, List.of());
        }
        return new ScratchPlan(List.of(), selection, List.of("the picked migrations are not part of a migration set "
                + "under " + projectDir + ", so nothing was replayed before them: they ran on an empty database"
                + " (plus --seed)"));
    }

    private static List<Migration> ups(MigrationSet set) {
        return set.migrations().stream().filter(m -> m.direction() == Direction.UP).toList();
    }

    private static PlannedMigration planned(Migration m) {
        return new PlannedMigration(MigrationAnalyzer.prepare(LOADER.load(m)), false);
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

}

package dev.redline.dryrun;

import dev.redline.core.analysis.MigrationAnalyzer;
import dev.redline.core.layout.LayoutDetector;
import dev.redline.core.layout.LayoutScan;
import dev.redline.core.layout.ScriptLoader;
import dev.redline.core.model.Direction;
import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationScript;
import dev.redline.core.model.MigrationSet;
import dev.redline.core.model.Tool;
import dev.redline.dryrun.DryRunReport.ChecksumMismatch;
import dev.redline.dryrun.DryRunReport.HistorySummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides which migrations a dry-run runs: the ones picked by hand, in the order given, or the project's pending
 * ones according to its tool's history table on the target, in apply order.
 *
 * @param history what the history table said, or {@code null} for migrations picked by hand
 */
public record MigrationSelection(List<PlannedMigration> migrations, HistorySummary history) {

    /** The migrations cannot be chosen; the message says why and what to do. */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }
    }

    private static final ScriptLoader LOADER = new ScriptLoader();

    /** Exactly these files, in this order, each read as its layout would (goose/dbmate markers cut it). */
    public static MigrationSelection ofFiles(List<Path> files) throws Unavailable {
        LayoutDetector detector = new LayoutDetector();
        List<PlannedMigration> out = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new Unavailable("no such migration file: " + file);
            }
            LayoutScan scan = detector.detect(file);
            for (MigrationSet set : scan.sets()) {
                for (Migration m : set.migrations()) {
                    if (m.direction() == Direction.UP) {
                        Migration named = new Migration(m.file(), shown(file), m.tool(), m.direction(), m.version(),
                                m.description(), m.setLabel(), m.repeatable());
                        out.add(new PlannedMigration(MigrationAnalyzer.prepare(LOADER.load(named)), false));
                    }
                }
            }
        }
        return new MigrationSelection(out, null);
    }

    /** A picked file's path as the report shows it: relative to the working directory when under it. */
    private static String shown(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        Path p = abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
        return p.toString().replace('\\', '/');
    }

    /**
     * The pending migrations of the project under {@code projectDir}, by the history table its tool keeps on the
     * target. Fails when no history table of a tool the project uses is there, or when that is ambiguous.
     */
    public static MigrationSelection pending(Path projectDir, Connection c) throws Unavailable, SQLException {
        LayoutScan scan = new LayoutDetector().detect(projectDir);
        if (scan.sets().isEmpty()) {
            throw new Unavailable("no migrations found under " + projectDir);
        }
        Set<Tool> tools = scan.sets().stream().map(MigrationSet::tool).collect(Collectors.toCollection(
                LinkedHashSet::new));
        List<String> looked = new ArrayList<>();
        for (Tool tool : tools) {
            HistoryTable table = HistoryTable.forTool(tool);
            if (table == null) {
                continue;
            }
            looked.add(tool.displayName());
            Optional<History> history = table.read(c);
            if (history.isEmpty()) {
                continue;
            }
            List<MigrationSet> sets = scan.sets().stream().filter(s -> s.tool() == tool).toList();
            if (sets.size() > 1) {
                throw new Unavailable("there are " + sets.size() + " " + tool.displayName() + " migration sets under "
                        + projectDir + " (" + sets.stream().map(MigrationSet::label).collect(Collectors.joining(", "))
                        + "); point PROJECT_DIR at the one this database uses, or pick files with --migration");
            }
            return plan(table, history.get(), sets.get(0));
        }
        throw new Unavailable("the target has no migration history table of "
                + (looked.isEmpty() ? "a tool this project uses" : String.join(" or ", looked))
                + ", so which migrations are pending cannot be known; pick them with --migration PATH");
    }

    static MigrationSelection plan(HistoryTable table, History history, MigrationSet set) {
        Map<String, History.Applied> applied = new HashMap<>();
        List<String> thresholds = new ArrayList<>();
        String newest = null;
        for (History.Applied a : history.applied()) {
            String key = a.key();
            if (key.startsWith("<=")) {
                key = key.substring(2);
                thresholds.add(key);
            } else {
                applied.put(key, a);
            }
            if (!key.startsWith("R:") && (newest == null || table.order().compare(key, newest) > 0)) {
                newest = key;
            }
        }
        List<PlannedMigration> pending = new ArrayList<>();
        List<String> outOfOrder = new ArrayList<>();
        List<ChecksumMismatch> mismatches = new ArrayList<>();
        List<String> notes = new ArrayList<>(history.notes());
        int appliedFiles = 0;
        for (Migration m : set.migrations()) {
            if (m.direction() != Direction.UP) {
                continue;
            }
            String key = table.keyOf(m);
            History.Applied record = applied.get(key);
            boolean repeatable = key.startsWith("R:");
            if (record != null || !repeatable && isBelow(table, key, thresholds)) {
                if (record != null && record.checksum() != null) {
                    // Only read for its checksum: parsed only if it turns out to be pending.
                    MigrationScript script = LOADER.load(m);
                    String now = table.checksumOf(script);
                    if (now != null && !now.equals(record.checksum())) {
                        if (repeatable) {
                            pending.add(new PlannedMigration(MigrationAnalyzer.prepare(script), false));
                            continue;
                        }
                        mismatches.add(new ChecksumMismatch(m.relativePath(), m.version(), record.checksum(), now));
                    }
                }
                appliedFiles++;
                continue;
            }
            boolean late = !repeatable && table.ordersByVersion() && newest != null
                    && table.order().compare(key, newest) < 0;
            if (late) {
                outOfOrder.add(m.relativePath());
            }
            pending.add(new PlannedMigration(MigrationAnalyzer.prepare(LOADER.load(m)), late));
        }
        if (!mismatches.isEmpty() && table.tool() == Tool.FLYWAY) {
            notes.add("flyway migrate validates checksums first and will refuse to run until the edited migrations "
                    + "are restored or the history is repaired");
        }
        if (!outOfOrder.isEmpty() && table.tool() == Tool.FLYWAY) {
            notes.add("Flyway skips migrations older than the newest applied one unless outOfOrder=true, and "
                    + "validate reports them as ignored");
        }
        int recorded = applied.size();
        if (recorded > appliedFiles) {
            notes.add((recorded - appliedFiles) + " migration(s) recorded as applied have no file here");
        }
        HistorySummary summary = new HistorySummary(table.tool().id(), history.table(),
                Math.max(recorded, appliedFiles), pending.size(), outOfOrder,
                mismatches, notes);
        return new MigrationSelection(List.copyOf(pending), summary);
    }

    private static boolean isBelow(HistoryTable table, String key, List<String> thresholds) {
        for (String t : thresholds) {
            if (table.order().compare(key, t) <= 0) {
                return true;
            }
        }
        return false;
    }
}

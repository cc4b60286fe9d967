package dev.redline.core.layout;

import dev.redline.core.analysis.ProjectAnalysis.PathError;
import dev.redline.core.model.Direction;
import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationSet;
import dev.redline.core.model.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What the layouts share while detecting: the tree, which files are already claimed, and what was found. */
final class DetectionContext {

    private final ScannedTree tree;
    private final Set<String> claimed = new HashSet<>();
    private final List<Found> found = new ArrayList<>();
    private final List<SkippedFile> skipped = new ArrayList<>();
    private final List<PathError> errors = new ArrayList<>();
    private final Map<String, FileMarkers> markers = new HashMap<>();
    /** Files read whole while looking for markers, kept for the loader (at most 64 MiB of them). */
    private final ReadAhead readAhead = ReadAhead.withCapacity(64L << 20);

    /** A set with the folder it was found in, for sorting. */
    record Found(String folderRel, MigrationSet set) {
    }

    DetectionContext(ScannedTree tree) {
        this.tree = tree;
        this.errors.addAll(tree.errors());
    }

    ScannedTree tree() {
        return tree;
    }

    boolean isClaimed(String rel) {
        return claimed.contains(rel);
    }

    /** The folder's .sql files that no layout has claimed yet, in natural order. */
    List<String> unclaimedSql(ScannedFolder folder) {
        return folder.sqlFiles().stream().filter(n -> !claimed.contains(folder.relOf(n))).toList();
    }

    /** The set label, e.g. {@code flyway: src/main/resources/db/migration}. */
    static String label(Tool tool, String folderRel) {
        return tool.id() + ": " + (folderRel.isEmpty() ? "." : folderRel);
    }

    static Migration migration(Path file, String rel, Tool tool, Direction direction, String version,
                               String description, String folderRel, boolean repeatable) {
        return new Migration(file, rel, tool, direction, version, description, label(tool, folderRel), repeatable);
    }

    /** Adds a set found in {@code folder} and claims its files. An empty list adds nothing. */
    void addSet(Tool tool, ScannedFolder folder, List<Migration> migrations) {
        if (migrations.isEmpty()) {
            return;
        }
        for (Migration m : migrations) {
            claimed.add(m.relativePath());
        }
        found.add(new Found(folder.rel(),
                new MigrationSet(tool, folder.dir(), label(tool, folder.rel()), List.copyOf(migrations))));
    }

    /** Claims a file that belongs to a tool but is not a migration PostgreSQL runs. */
    void skip(String rel, Tool tool, String reason) {
        if (claimed.add(rel)) {
            skipped.add(new SkippedFile(rel, tool, reason));
        }
    }

    void error(String path, String message) {
        errors.add(new PathError(path, message));
    }

    /** The goose/dbmate markers of a file, read once per file. */
    FileMarkers markers(ScannedFolder folder, String fileName) {
        String rel = folder.relOf(fileName);
        FileMarkers m = markers.get(rel);
        if (m == null) {
            m = FileMarkers.of(folder.path(fileName), readAhead);
            markers.put(rel, m);
        }
        return m;
    }

    /**
     * Reads the markers of every unclaimed .sql file of the tree, several files at a time: reading is most of what
     * detection costs, and the layouts then find every answer ready.
     */
    void prefetchUnclaimedMarkers() {
        record Unread(String rel, Path file) {
        }
        List<Unread> files = new ArrayList<>();
        for (ScannedFolder folder : tree.all()) {
            for (String name : folder.sqlFiles()) {
                String rel = folder.relOf(name);
                if (!claimed.contains(rel) && !markers.containsKey(rel)) {
                    files.add(new Unread(rel, folder.path(name)));
                }
            }
        }
        if (files.size() < 64) {
            return; // not worth the threads: read on demand
        }
        Map<String, FileMarkers> found = new ConcurrentHashMap<>();
        files.parallelStream().forEach(f -> found.put(f.rel(), FileMarkers.of(f.file(), readAhead)));
        markers.putAll(found);
    }

    List<Found> found() {
        return found;
    }

    List<SkippedFile> skipped() {
        return skipped;
    }

    ReadAhead readAhead() {
        return readAhead;
    }

    List<PathError> errors() {
        return errors;
    }
}

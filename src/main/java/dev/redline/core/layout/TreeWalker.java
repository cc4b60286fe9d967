package dev.redline.core.layout;

import dev.redline.core.analysis.ProjectAnalysis.PathError;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a folder tree following symbolic links. Written by hand rather than with {@code Files.walkFileTree} so the
 * order is deterministic (sorted at every level) and so a loop or an unreadable folder becomes a {@link PathError}
 * while the rest of the tree is still walked.
 */
final class TreeWalker {

    /**
     * Folders that hold dependencies or build output (often copies of the real migrations), never a project's own
     * sources. Hidden folders ({@code .git}, {@code .idea}, ...) are skipped by their leading dot.
     */
    private static final Set<String> SKIPPED = Set.of("node_modules", "target", "build", "dist", "vendor");

    private final Map<String, ScannedFolder> folders = new LinkedHashMap<>();
    private final List<PathError> errors = new ArrayList<>();
    /** Folders already walked, by file key: a second way into one (a link to a sibling) is not walked twice. */
    private final Set<Object> seen = new HashSet<>();
    /** The folders on the current path from the root, by file key, with their relative paths (loop detection). */
    private final Map<Object, String> chain = new LinkedHashMap<>();

    static ScannedTree walk(Path root) {
        TreeWalker w = new TreeWalker();
        Path dir = root.toAbsolutePath();
        try {
            Object key = key(dir, Files.readAttributes(dir, BasicFileAttributes.class));
            w.visit(dir, "", key);
        } catch (IOException e) {
            w.errors.add(new PathError(root.toString(), "cannot read folder: " + IoReasons.describe(e)));
        }
        return new ScannedTree(dir, w.folders, w.errors);
    }

    static boolean skipped(String folderName) {
        return folderName.startsWith(".") || SKIPPED.contains(folderName);
    }

    private void visit(Path dir, String rel, Object key) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                names.add(p.getFileName().toString());
            }
        } catch (IOException e) {
            errors.add(new PathError(display(rel, dir), "cannot read folder: " + IoReasons.describe(e)));
            return;
        } catch (DirectoryIteratorException e) {
            errors.add(new PathError(display(rel, dir), "cannot read folder: " + IoReasons.describe(e.getCause())));
            return;
        }
        names.sort(NaturalOrder.NAMES);
        seen.add(key);
        chain.put(key, rel);
        List<String> files = new ArrayList<>();
        List<String> subfolders = new ArrayList<>();
        // Registered before the children so folders come out parent first, in walk order.
        folders.put(rel, new ScannedFolder(rel, dir, files, subfolders));
        for (String name : names) {
            Path entry = dir.resolve(name);
            String childRel = rel.isEmpty() ? name : rel + "/" + name;
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(entry, BasicFileAttributes.class);
            } catch (IOException e) {
                if (Files.isSymbolicLink(entry)) {
                    if (ScannedFolder.isSql(name)) {
                        errors.add(new PathError(childRel, "broken symbolic link: " + IoReasons.describe(e)));
                    }
                } else {
                    errors.add(new PathError(childRel, "cannot read: " + IoReasons.describe(e)));
                }
                continue;
            }
            if (attrs.isRegularFile()) {
                files.add(name);
            } else if (attrs.isDirectory() && !skipped(name)) {
                Object childKey;
                try {
                    childKey = key(entry, attrs);
                } catch (IOException e) {
                    errors.add(new PathError(childRel, "cannot read folder: " + IoReasons.describe(e)));
                    continue;
                }
                String ancestor = chain.get(childKey);
                if (ancestor != null) {
                    errors.add(new PathError(childRel, "symbolic link loop: leads back to "
                            + (ancestor.isEmpty() ? "the scanned folder" : ancestor) + "; not followed"));
                } else if (!seen.contains(childKey)) {
                    subfolders.add(name);
                    visit(entry, childRel, childKey);
                }
            }
        }
        chain.remove(key);
    }

    /** Identifies a folder whichever link led to it: the inode where the platform has one, else the real path. */
    private static Object key(Path dir, BasicFileAttributes attrs) throws IOException {
        Object k = attrs.fileKey();
        return k != null ? k : dir.toRealPath();
    }

    private static String display(String rel, Path dir) {
        return rel.isEmpty() ? dir.toString() : rel;
    }
}

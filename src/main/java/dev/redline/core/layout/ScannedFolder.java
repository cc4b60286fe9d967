package dev.redline.core.layout;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One folder as the walk saw it.
 *
 * @param rel        path relative to the scan root with {@code /} separators ({@code ""} for the root itself)
 * @param dir        the folder's path as walked (through symbolic links, not resolved)
 * @param files      names of its regular files, in natural order
 * @param subfolders names of the subfolders the walk entered, in natural order
 */
record ScannedFolder(String rel, Path dir, List<String> files, List<String> subfolders) {

    static boolean isSql(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".sql");
    }

    /** The folder's own name (for the root: the name of the folder the user chose). */
    String name() {
        Path n = dir.getFileName();
        return n == null ? "" : n.toString();
    }

    boolean hasFile(String name) {
        return files.contains(name);
    }

    Path path(String fileName) {
        return dir.resolve(fileName);
    }

    /** The relative path of a file or subfolder of this folder. */
    String relOf(String name) {
        return rel.isEmpty() ? name : rel + "/" + name;
    }

    List<String> sqlFiles() {
        return files.stream().filter(ScannedFolder::isSql).toList();
    }
}

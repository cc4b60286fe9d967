package dev.redline.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few git commands reviews need, run in the repository's top folder. Paths are relative to it with {@code /}
 * separators. A missing git, or a folder that is not a repository, makes each method return "nothing" rather than
 * fail: reviews work without git, only with less to say.
 */
final class GitRepository {

    private final Path root;

    GitRepository(Path root) {
        this.root = root;
    }

    /** The nearest folder from {@code start} upwards that holds {@code .git} (a folder, or a worktree's file). */
    static Path findRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        return null;
    }

    /** A configuration value ({@code git config --get}), or {@code null} when unset, empty or git is missing. */
    String config(String key) {
        try {
            ProcessRunner.Result r = git(null, "config", "--get", key);
            String value = r.ok() ? r.out().strip() : "";
            return value.isEmpty() ? null : value;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Every version of {@code path} git knows: the one each commit that touched it left behind, newest first, then
     * the one staged in the index (a version reviewed but never committed). Each is a commit id ({@code null} for
     * the index) and the version's blob id.
     */
    List<Version> versions(String path, int maxCommits) throws IOException {
        List<Version> versions = new ArrayList<>();
        ProcessRunner.Result log = git(null, "log", "--format=%H", "--raw", "--no-abbrev", "--no-renames",
                "-n", Integer.toString(maxCommits), "--", path);
        String commit = null;
        for (String line : log.out().lines().toList()) {
            if (line.matches("[0-9a-f]{40,64}")) {
                commit = line;
            } else if (line.startsWith(":") && commit != null) {
                // :100644 100644 <old blob> <new blob> M<TAB>path
                String[] fields = line.substring(1).split("\\s+");
                if (fields.length >= 5 && !fields[3].matches("0+")) {
                    versions.add(new Version(commit, fields[3]));
                }
            }
        }
        ProcessRunner.Result staged = git(null, "ls-files", "-s", "--", path);
        if (staged.ok()) {
            for (String line : staged.out().lines().toList()) {
                String[] parts = line.split("\\s+", 4);
                if (parts.length >= 3 && parts[2].equals("0")) {
                    versions.add(new Version(null, parts[1]));
                }
            }
        }
        return versions;
    }

    /** The content of each blob, read through one {@code git cat-file --batch}. */
    Map<String, byte[]> blobs(List<String> ids) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return contents;
        }
        byte[] request = (String.join("\n", ids) + "\n").getBytes(StandardCharsets.US_ASCII);
        ProcessRunner.Result r = git(request, "cat-file", "--batch");
        if (!r.ok()) {
            return contents;
        }
        byte[] out = r.stdout();
        int pos = 0;
        while (pos < out.length) {
            int eol = indexOf(out, (byte) '\n', pos);
            if (eol < 0) {
                break;
            }
            String[] header = new String(out, pos, eol - pos, StandardCharsets.US_ASCII).split(" ");
            pos = eol + 1;
            if (header.length < 3 || !header[1].equals("blob")) {
                continue; // "<id> missing"
            }
            int size = Integer.parseInt(header[2]);
            ByteArrayOutputStream content = new ByteArrayOutputStream(size);
            content.write(out, pos, Math.min(size, out.length - pos));
            contents.put(header[0], content.toByteArray());
            pos += size + 1;
        }
        return contents;
    }

    /** {@code git diff} from a commit (or from the index, when {@code commit} is null) to the working tree. */
    String diffToWorkingTree(String commit, String path) throws IOException {
        List<String> args = new ArrayList<>(List.of("diff", "--no-color", "--no-ext-diff", "--no-textconv", "-U3"));
        if (commit != null) {
            args.add(commit);
        }
        args.add("--");
        args.add(path);
        ProcessRunner.Result r = git(null, args.toArray(String[]::new));
        return r.ok() ? r.out() : null;
    }

    private ProcessRunner.Result git(byte[] stdin, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotepath=off", "-C", root.toString()));
        command.addAll(List.of(args));
        return ProcessRunner.run(root, command, stdin);
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** One version of a file: the commit that left it behind ({@code null}: the index) and its blob id. */
    record Version(String commit, String blob) {
    }
}

package dev.redline.review;

import dev.redline.core.io.Sha256;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the version of a migration a stale review signed off, by its SHA-256, among the versions git knows (the
 * index, then each commit that touched the file, newest first), and gives a short unified diff from it to the file
 * as it is now.
 */
final class ReviewedVersion {

    static final int MAX_COMMITS = 200;
    static final int MAX_DIFF_LINES = 60;

    private ReviewedVersion() {
    }

    /** What changed since the review: a diff, or a one-line fallback when git does not have the reviewed bytes. */
    record Change(String summary, String diff) {
    }

    static Change find(GitRepository git, String path, String reviewedSha, String currentSha) {
        String fallback = "changed since sign-off (sha " + shortSha(reviewedSha) + " → "
                + (currentSha == null ? "unreadable" : shortSha(currentSha)) + ")";
        if (git == null) {
            return new Change(fallback, null);
        }
        try {
            List<GitRepository.Version> versions = git.versions(path, MAX_COMMITS);
            List<String> ids = new ArrayList<>();
            for (GitRepository.Version v : versions) {
                if (!ids.contains(v.blob())) {
                    ids.add(v.blob());
                }
            }
            Map<String, byte[]> blobs = git.blobs(ids);
            for (GitRepository.Version v : versions) {
                byte[] content = blobs.get(v.blob());
                if (content != null && Sha256.of(content).equals(reviewedSha)) {
                    String diff = git.diffToWorkingTree(v.commit(), path);
                    String where = v.commit() == null ? "the staged version" : "commit " + v.commit().substring(0, 12);
                    if (diff == null || diff.isBlank()) {
                        return new Change(fallback, null);
                    }
                    String now = currentSha == null ? "unreadable" : shortSha(currentSha);
                    return new Change("changed since sign-off (reviewed version: " + where + ", sha "
                            + shortSha(reviewedSha) + " → " + now + ")", shorten(diff));
                }
            }
        } catch (IOException | RuntimeException e) {
            // git missing or failing: the fallback still says what is known
        }
        return new Change(fallback, null);
    }

    /** The diff from its {@code ---} line on, at most {@link #MAX_DIFF_LINES} lines. */
    private static String shorten(String diff) {
        List<String> lines = diff.lines().toList();
        int start = 0;
        while (start < lines.size() && !lines.get(start).startsWith("--- ")) {
            start++;
        }
        if (start == lines.size()) {
            start = 0;
        }
        List<String> kept = lines.subList(start, Math.min(lines.size(), start + MAX_DIFF_LINES));
        StringBuilder out = new StringBuilder(String.join("\n", kept)).append('\n');
        int left = lines.size() - start - kept.size();
        if (left > 0) {
            out.append("… ").append(left).append(" more line").append(left == 1 ? "" : "s").append('\n');
        }
        return out.toString();
    }

    static String shortSha(String sha) {
        return sha == null ? "none" : sha.substring(0, Math.min(12, sha.length()));
    }
}

package dev.redline.review;

import dev.redline.core.model.Finding;

/**
 * A finding's id in a review file: {@code rule@line:column} (e.g. {@code drop-column@2:23}). Unique within a
 * migration, since no rule reports twice at one place, and readable in a diff; the migration's SHA-256 in the same
 * file pins the text the line and column point into.
 */
public final class FindingIds {

    private FindingIds() {
    }

    public static String of(Finding finding) {
        return finding.rule() + "@" + finding.line() + ":" + finding.column();
    }
}

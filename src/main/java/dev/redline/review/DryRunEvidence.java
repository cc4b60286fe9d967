package dev.redline.review;

import java.util.List;

/**
 * What a dry-run of the migration showed, summarised for its review: where it ran, what it did to row counts, what
 * failed, which locks it took and how long it took. Never a password: the target is stored with any credentials
 * removed.
 *
 * @param target        the database, as a URL without credentials
 * @param role          the target's declared role ({@code clone}, {@code branch}), or {@code null}
 * @param serverVersion the server's {@code server_version}
 * @param outcome       the migration's outcome in the dry-run: {@code ok}, {@code failed}, {@code refused},
 *                      {@code skipped}, or {@code aborted} when the whole run stopped before it
 * @param committed     always {@code false} for a real dry-run; recorded so a reader can see it
 * @param rowCounts     exact counts before and after, per table the migration touched
 * @param failures      what failed, one line each (statement line, SQLSTATE, message)
 * @param locks         the relation locks it took, per relation and mode
 * @param durationMs    how long the migration took in the dry-run, in whole milliseconds
 */
public record DryRunEvidence(String target, String role, String serverVersion, String outcome, boolean committed,
                             List<RowDelta> rowCounts, List<String> failures, List<LockSummary> locks,
                             long durationMs) {

    public DryRunEvidence {
        target = Secrets.redact(target);
        rowCounts = List.copyOf(rowCounts);
        failures = failures.stream().map(Secrets::redact).toList();
        locks = List.copyOf(locks);
    }

    /**
     * Row counts of one table; {@code before} is null for a table the migration created, {@code after} for one it
     * dropped.
     */
    public record RowDelta(String table, Long before, Long after) {
        /** {@code after - before}, or {@code null} when either is unknown. */
        public Long delta() {
            return before == null || after == null ? null : after - before;
        }
    }

    /** A lock mode taken on a relation, and the lines of the statements that took it. */
    public record LockSummary(String relation, String mode, List<Integer> lines) {
        public LockSummary {
            lines = List.copyOf(lines);
        }
    }
}

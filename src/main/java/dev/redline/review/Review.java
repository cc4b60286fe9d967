package dev.redline.review;

import dev.redline.core.model.Tool;
import java.time.Instant;
import java.util.List;

/**
 * One sign-off, as its review file records it. {@link ReviewJson} writes and reads it.
 *
 * @param migration  the migration's path relative to the repository, {@code /} separators
 * @param sha256     of the migration's bytes when it was reviewed, lower-case hex
 * @param reviewedAt when, to the second, UTC
 * @param note       the reviewer's overall note, or {@code null}
 * @param checklist  the six points, 1 to 6
 * @param findings   the ids ({@link FindingIds}) of the findings the reviewer saw and acknowledged
 * @param dryRun     the evidence of a dry-run, or {@code null} when none was attached
 * @param redline    the version of Redline that wrote it
 * @param signature  an SSH signature over the file with {@code "signature": null}, or {@code null}
 */
public record Review(int schemaVersion, String migration, String sha256, Tool tool, Verdict verdict,
                     Reviewer reviewer, Instant reviewedAt, String note, List<PointReview> checklist,
                     List<String> findings, DryRunEvidence dryRun, String redline, ReviewSignature signature) {

    public static final int SCHEMA_VERSION = 1;

    public Review {
        checklist = List.copyOf(checklist);
        findings = List.copyOf(findings);
    }

    public Review withSignature(ReviewSignature signature) {
        return new Review(schemaVersion, migration, sha256, tool, verdict, reviewer, reviewedAt, note, checklist,
                findings, dryRun, redline, signature);
    }

    /** The content a signature covers: this review with {@code "signature": null}. */
    public Review unsigned() {
        return withSignature(null);
    }
}

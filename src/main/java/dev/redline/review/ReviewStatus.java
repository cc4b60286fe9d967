package dev.redline.review;

import dev.redline.core.analysis.MigrationAnalysis;
import java.nio.file.Path;

/**
 * Where one migration stands with its sign-off, and whether that lets the gate pass.
 *
 * @param state       the state; {@link ReviewState#id()} is the public name
 * @param blocksGate  whether this migration fails the gate: it needs a review and has no approved, current one
 *                    (or, with {@code reviews.requireSignature=true}, no validly signed one), or its review file is
 *                    invalid, or a reviewer rejected it
 * @param reason      one sentence for the reviewer: who approved it when, what is missing, what is wrong
 * @param file        the review file (where it is, or where it would be written)
 * @param displayFile {@code file} relative to the repository's top folder, {@code /} separators
 * @param review      the review read from the file, or {@code null} (missing, not required, invalid)
 * @param signature   what the review's signature check found ({@code null} when there is no readable review)
 * @param diff        for {@link ReviewState#STALE}: a short unified diff from the reviewed version to the file now,
 *                    or {@code null} when git does not have the reviewed version
 */
public record ReviewStatus(ReviewState state, boolean blocksGate, String reason, Path file, String displayFile,
                           Review review, SignatureCheck signature, String diff) {

    /**
     * The state when no review file is looked for (hand-built reports, tests): missing when the migration needs a
     * review, else not required.
     */
    public static ReviewStatus withoutReviews(MigrationAnalysis analysis) {
        return analysis.needsReview()
                ? new ReviewStatus(ReviewState.MISSING, true, "no review", null, null, null, null, null)
                : new ReviewStatus(ReviewState.NOT_REQUIRED, false, "no destructive or risky finding", null, null,
                        null, null, null);
    }

    /** Whether the migration has an approved review of exactly its current bytes (signed or not). */
    public boolean approvedAndCurrent() {
        return state == ReviewState.APPROVED;
    }
}

package dev.redline.cli;

import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.model.Finding;
import dev.redline.review.ReviewState;
import dev.redline.review.ReviewStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one {@code check} run: the analysis of every PATH argument, the gate mode, and the counts and
 * verdict every reporter prints (computed once here, so text, JSON and SARIF can never disagree).
 */
public record CheckReport(List<CheckedPath> paths, GateMode mode, Summary summary) {

    /**
     * One PATH argument and what was found under it.
     *
     * @param argument the PATH exactly as the user typed it
     * @param path     the PATH resolved against the working directory
     * @param reviews  the review status of each migration, in the order of {@code analysis.migrations()}
     */
    public record CheckedPath(String argument, Path path, ProjectAnalysis analysis, List<ReviewStatus> reviews) {

        public CheckedPath {
            reviews = List.copyOf(reviews);
            if (reviews.size() != analysis.migrations().size()) {
                throw new IllegalArgumentException("one review status per migration");
            }
        }

        /** A PATH whose review files were not looked at: every migration that needs a review has none. */
        public CheckedPath(String argument, Path path, ProjectAnalysis analysis) {
            this(argument, path, analysis, analysis.migrations().stream().map(ReviewStatus::withoutReviews).toList());
        }

        /** The review status of the {@code i}-th migration. */
        public ReviewStatus review(int i) {
            return reviews.get(i);
        }
    }

    /** A migration that fails the gate, and why ({@link ReviewStatus#reason()}). */
    public record Blocked(CheckedPath path, MigrationAnalysis migration, ReviewStatus review) {
    }

    /**
     * Counts over every PATH, and the gate's verdict.
     *
     * @param unparsed    findings of rule {@code unparsed}: statements the parser could not read
     * @param unreadable  migrations that could not be read as text, plus paths that could not be looked at
     * @param needsReview migrations a human must still sign off before the gate passes: no approved, current
     *                    review (missing, rejected, stale, invalid, or unsigned when signatures are required)
     * @param gatePasses  the verdict, whatever the mode; only enforce mode turns a failed gate into exit code 1
     * @param reviews     how many migrations are in each review state, every state listed
     */
    public record Summary(int migrations, int findings, int destructive, int risky, int info, int unparsed,
                          int unreadable, int needsReview, boolean gatePasses, Map<ReviewState, Integer> reviews) {
    }

    public static CheckReport of(List<CheckedPath> paths, GateMode mode) {
        return new CheckReport(List.copyOf(paths), mode, summarize(paths));
    }

    /** The migrations that fail the gate, in report order, each with why. */
    public List<Blocked> blocked() {
        List<Blocked> out = new ArrayList<>();
        for (CheckedPath checked : paths) {
            List<MigrationAnalysis> migrations = checked.analysis().migrations();
            for (int i = 0; i < migrations.size(); i++) {
                if (checked.review(i).blocksGate()) {
                    out.add(new Blocked(checked, migrations.get(i), checked.review(i)));
                }
            }
        }
        return out;
    }

    /** Whether the command fails: only a failed gate in enforce mode does. */
    public boolean failsGate() {
        return mode == GateMode.ENFORCE && !summary.gatePasses();
    }

    private static Summary summarize(List<CheckedPath> paths) {
        int migrations = 0;
        int findings = 0;
        int destructive = 0;
        int risky = 0;
        int info = 0;
        int unparsed = 0;
        int unreadable = 0;
        int needsReview = 0;
        Map<ReviewState, Integer> reviews = new EnumMap<>(ReviewState.class);
        for (ReviewState state : ReviewState.values()) {
            reviews.put(state, 0);
        }
        for (CheckedPath checked : paths) {
            // A folder that could not be looked at may hide migrations, so it counts as unreadable and fails the gate.
            unreadable += checked.analysis().errors().size();
            List<MigrationAnalysis> analysed = checked.analysis().migrations();
            for (int i = 0; i < analysed.size(); i++) {
                MigrationAnalysis m = analysed.get(i);
                ReviewStatus review = checked.review(i);
                migrations++;
                if (m.source() == null) {
                    unreadable++;
                }
                if (review.blocksGate()) {
                    needsReview++;
                }
                reviews.merge(review.state(), 1, Integer::sum);
                for (Finding f : m.findings()) {
                    findings++;
                    switch (f.severity()) {
                        case DESTRUCTIVE -> destructive++;
                        case RISKY -> risky++;
                        case INFO -> info++;
                    }
                    if ("unparsed".equals(f.rule())) {
                        unparsed++;
                    }
                }
            }
        }
        // A migration with a destructive or risky finding needs an approved, current review; anything unread fails.
        boolean passes = needsReview == 0 && unreadable == 0;
        return new Summary(migrations, findings, destructive, risky, info, unparsed, unreadable, needsReview, passes,
                Collections.unmodifiableMap(reviews));
    }
}

package dev.redline.cli;

import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.model.Finding;
import java.nio.file.Path;
import java.util.List;

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
     */
    public record CheckedPath(String argument, Path path, ProjectAnalysis analysis) {
    }

    /**
     * Counts over every PATH, and the gate's verdict.
     *
     * @param unparsed    findings of rule {@code unparsed}: statements the parser could not read
     * @param unreadable  migrations that could not be read as text, plus paths that could not be looked at
     * @param needsReview migrations a human must sign off before the gate passes
     * @param gatePasses  the verdict, whatever the mode; only enforce mode turns a failed gate into exit code 1
     */
    public record Summary(int migrations, int findings, int destructive, int risky, int info, int unparsed,
                          int unreadable, int needsReview, boolean gatePasses) {
    }

    public static CheckReport of(List<CheckedPath> paths, GateMode mode) {
        return new CheckReport(List.copyOf(paths), mode, summarize(paths));
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
        for (CheckedPath checked : paths) {
            // A folder that could not be looked at may hide migrations, so it counts as unreadable and fails the gate.
            unreadable += checked.analysis().errors().size();
            for (MigrationAnalysis m : checked.analysis().migrations()) {
                migrations++;
                if (m.source() == null) {
                    unreadable++;
                }
                if (m.needsReview()) {
                    needsReview++;
                }
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
        // Until sign-offs exist, every migration that needs review fails the gate, and so does anything unread.
        boolean passes = needsReview == 0 && unreadable == 0;
        return new Summary(migrations, findings, destructive, risky, info, unparsed, unreadable, needsReview, passes);
    }
}

package dev.redline.ui.project;

import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.model.Finding;
import dev.redline.core.model.Severity;
import java.util.List;
import java.util.Locale;

/**
 * The counts the summary bar shows: migrations, findings by severity, unparsed statements, unreadable files, and how
 * many migrations need a human's review.
 */
public record ProjectSummary(int migrations, int destructive, int risky, int info, int unparsed, int unreadable,
                             int needsReview) {

    public static final ProjectSummary EMPTY = new ProjectSummary(0, 0, 0, 0, 0, 0, 0);

    public static ProjectSummary of(List<MigrationAnalysis> analyses, int pathErrors) {
        int destructive = 0;
        int risky = 0;
        int info = 0;
        int unparsed = 0;
        int unreadable = pathErrors;
        int review = 0;
        for (MigrationAnalysis a : analyses) {
            if (a.source() == null) {
                unreadable++;
            }
            if (a.needsReview()) {
                review++;
            }
            for (Finding f : a.findings()) {
                if (f.rule().equals("unparsed")) {
                    unparsed++;
                }
                switch (f.severity()) {
                    case DESTRUCTIVE -> destructive++;
                    case RISKY -> risky++;
                    case INFO -> info++;
                    default -> { }
                }
            }
        }
        return new ProjectSummary(analyses.size(), destructive, risky, info, unparsed, unreadable, review);
    }

    public int count(Severity severity) {
        return switch (severity) {
            case DESTRUCTIVE -> destructive;
            case RISKY -> risky;
            case INFO -> info;
        };
    }

    /** "684 migrations · 31 need review", the part before the per-severity counts. */
    public String headline() {
        return String.format(Locale.ROOT, "%d migration%s · %d need%s review", migrations, migrations == 1 ? "" : "s",
                needsReview, needsReview == 1 ? "s" : "");
    }
}

package dev.redline.ui.signoff;

import dev.redline.dryrun.DryRunReport;
import dev.redline.review.Verdict;
import java.nio.file.Path;
import java.util.List;

/**
 * What the sign-off dialog collected.
 *
 * @param confirmed  the six checklist ticks, in order
 * @param pointNotes a note per point (blank for none), in order
 * @param dryRun     the last dry-run of this migration, attached as evidence, or {@code null}
 */
public record SignOffRequest(Path file, Verdict verdict, String reviewer, List<Boolean> confirmed,
                             List<String> pointNotes, String note, DryRunReport dryRun) {
    public SignOffRequest {
        confirmed = List.copyOf(confirmed);
        pointNotes = List.copyOf(pointNotes);
    }
}

package dev.redline.ui.signoff;

import dev.redline.core.RedlineVersion;
import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.review.ReviewBook;
import dev.redline.review.ReviewException;
import dev.redline.review.ReviewMarkdown;
import dev.redline.review.ReviewState;
import dev.redline.review.ReviewStatus;
import dev.redline.review.Reviewer;
import dev.redline.review.SignOffDraft;
import dev.redline.review.SignedReview;
import dev.redline.review.Verdict;
import dev.redline.ui.migrations.MigrationListViewModel;
import dev.redline.ui.task.BackgroundTask;
import dev.redline.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Sign-offs through {@link ReviewBook}, all in the background: the review state of every migration after each
 * analysis (the list's review badges), the reviewer git knows, recording a verdict with the last dry-run's evidence,
 * and the Markdown for a pull request.
 */
public final class SignOffViewModel {

    /** What {@link #analysed} reads in the background: each file's review state, and the git reviewer. */
    private record States(Map<Path, ReviewState> states, String reviewer) {
    }

    private final TaskExecutor executor;
    private final MigrationListViewModel migrations;
    private final ReadOnlyStringWrapper defaultReviewer = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private long statesGeneration;
    private ProjectAnalysis lastAnalysis;

    public SignOffViewModel(TaskExecutor executor, MigrationListViewModel migrations) {
        this.executor = executor;
        this.migrations = migrations;
    }

    /** After each project analysis: every migration's review state, for the badges; and the git reviewer. */
    public void analysed(ProjectAnalysis analysis) {
        boolean newRoot = lastAnalysis == null || analysis == null || !lastAnalysis.root().equals(analysis.root());
        lastAnalysis = analysis;
        long mine = ++statesGeneration;
        if (analysis == null) {
            migrations.setReviewStates(Map.of());
            return;
        }
        executor.execute(BackgroundTask.of(p -> {
                    ReviewBook book = ReviewBook.open(analysis.root());
                    List<ReviewStatus> statuses = book.statuses(analysis);
                    Map<Path, ReviewState> states = new HashMap<>();
                    for (int i = 0; i < statuses.size() && i < analysis.migrations().size(); i++) {
                        states.put(analysis.migrations().get(i).migration().file(), statuses.get(i).state());
                    }
                    String reviewer = "";
                    if (newRoot) {
                        Reviewer r = book.defaultReviewer();
                        reviewer = r == null ? "" : r.display();
                    }
                    return new States(states, reviewer);
                })
                .onSuccess(result -> {
                    if (mine == statesGeneration) {
                        migrations.setReviewStates(result.states());
                        if (newRoot) {
                            defaultReviewer.set(result.reviewer());
                        }
                    }
                })
                .onFailure(e -> {
                    if (mine == statesGeneration) {
                        status.set("Review states unavailable: " + message(e));
                    }
                }));
    }

    /** Records the verdict; {@code done} gets whether it was written. */
    public void signOff(SignOffRequest request, Consumer<Boolean> done) {
        Reviewer reviewer = Reviewer.parse(request.reviewer());
        if (reviewer == null) {
            status.set("The reviewer must be written as Name <email>.");
            done.accept(false);
            return;
        }
        busy.set(true);
        status.set("Recording the review…");
        Path home = home(request.file());
        executor.execute(BackgroundTask.of(p -> {
                    ReviewBook book = ReviewBook.open(home);
                    List<MigrationAnalysis> analyses = book.analyze(request.file());
                    if (analyses.isEmpty()) {
                        throw new ReviewException("Redline sees no migration in " + request.file().getFileName());
                    }
                    SignOffDraft draft = book.draft(analyses);
                    for (int n = 1; n <= 6; n++) {
                        String note = request.pointNotes().get(n - 1);
                        draft = draft.answer(n, request.confirmed().get(n - 1),
                                note == null || note.isBlank() ? null : note.strip());
                    }
                    String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
                    SignedReview signed = book.record(draft, request.verdict(), reviewer, note,
                            request.dryRun() == null ? null : Evidence.of(request.dryRun(), request.file()),
                            RedlineVersion.current(), Clock.systemUTC());
                    return book.reviewFile(analyses.get(0).migration());
                })
                .onSuccess(file -> {
                    status.set((request.verdict() == Verdict.APPROVE ? "Approved" : "Rejected") + "; review written to "
                            + file.getFileName() + (request.dryRun() == null ? "" : " with the dry-run's evidence"));
                    if (lastAnalysis != null) {
                        analysed(lastAnalysis);
                    }
                    done.accept(true);
                })
                .onFailure(e -> {
                    status.set("Not signed off: " + message(e));
                    done.accept(false);
                })
                .onFinished(() -> busy.set(false)));
    }

    /** The selected migration's review as Markdown for a pull request description. */
    public void markdown(Path file, Consumer<String> then) {
        Path home = home(file);
        executor.execute(BackgroundTask.of(p -> {
                    ReviewBook book = ReviewBook.open(home);
                    List<MigrationAnalysis> analyses = book.analyze(file);
                    if (analyses.isEmpty()) {
                        throw new ReviewException("Redline sees no migration in " + file.getFileName());
                    }
                    return ReviewMarkdown.render(book.repositoryPath(file), book.status(analyses.get(0)), analyses);
                })
                .onSuccess(md -> {
                    status.set("Copied the review of " + file.getFileName() + " as Markdown");
                    then.accept(md);
                })
                .onFailure(e -> status.set("Cannot render the review: " + message(e))));
    }

    /** The project's folder when the file is in it (the review book is the same one the badges come from). */
    private Path home(Path file) {
        return lastAnalysis != null && file.startsWith(lastAnalysis.root()) ? lastAnalysis.root() : file;
    }

    private static String message(Throwable e) {
        return e instanceof ReviewException && e.getMessage() != null ? e.getMessage() : String.valueOf(e);
    }

    public ReadOnlyStringProperty defaultReviewerProperty() {
        return defaultReviewer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}

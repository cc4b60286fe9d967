package dev.redline.cli;

import dev.redline.core.RedlineVersion;
import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.model.Finding;
import dev.redline.review.DryRunEvidence;
import dev.redline.review.DryRunEvidenceReader;
import dev.redline.review.FindingIds;
import dev.redline.review.PointReview;
import dev.redline.review.ReviewBook;
import dev.redline.review.ReviewException;
import dev.redline.review.Reviewer;
import dev.redline.review.SignOffDraft;
import dev.redline.review.SignedReview;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * {@code redline sign}: shows the reviewer what they are signing off (the six points and the findings), has each
 * point confirmed (all at once with {@code --confirm-all}, or one by one at a terminal), and records the review
 * through {@link ReviewBook#record}.
 */
final class SignCommand {

    private final SignPrompter prompter;
    private final Clock clock;

    /** @param prompter the terminal to ask at, or {@code null} when there is none */
    SignCommand(SignPrompter prompter) {
        this(prompter, Clock.systemUTC());
    }

    SignCommand(SignPrompter prompter, Clock clock) {
        this.prompter = prompter;
        this.clock = clock;
    }

    ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        SignOptions options = SignOptions.parse(args);
        if (options.help()) {
            out.print(SignOptions.USAGE);
            return ExitCode.OK;
        }
        if (!options.confirmAll() && prompter == null) {
            err.println("redline: sign needs --confirm-all when it is not run from a terminal: it records that you "
                    + "checked each of the six checklist points, so it will not assume it (nothing recorded)");
            return ExitCode.USAGE_OR_IO;
        }
        Path file;
        try {
            file = Path.of(options.migration()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException("not a valid path: " + options.migration());
        }
        if (!Files.isRegularFile(file)) {
            err.println("redline: no such migration file: " + options.migration());
            return ExitCode.USAGE_OR_IO;
        }
        try {
            ReviewBook book = ReviewBook.open(file);
            List<MigrationAnalysis> analyses = book.analyze(file);
            if (analyses.isEmpty()) {
                err.println("redline: " + options.migration() + " is not a migration Redline recognises");
                return ExitCode.USAGE_OR_IO;
            }
            SignOffDraft draft = book.draft(analyses);
            Reviewer reviewer = options.reviewer() != null ? options.reviewer() : book.defaultReviewer();
            if (reviewer == null) {
                err.println("redline: who is reviewing? Set git config user.name and user.email, or pass "
                        + "--reviewer \"Name <email>\" (nothing recorded)");
                return ExitCode.USAGE_OR_IO;
            }
            DryRunEvidence evidence = null;
            if (options.dryRunReport() != null) {
                evidence = DryRunEvidenceReader.read(Path.of(options.dryRunReport()), draft.migration());
            }

            show(draft, analyses, out);
            if (options.confirmAll()) {
                draft = draft.confirmAll();
            } else {
                draft = askEachPoint(draft, out);
                if (draft == null) {
                    err.println("redline: sign-off abandoned (nothing recorded)");
                    return ExitCode.USAGE_OR_IO;
                }
            }
            SignedReview signed = book.record(draft, options.verdict(), reviewer, options.note(), evidence,
                    RedlineVersion.current(), clock);
            out.println();
            out.println("recorded: " + options.verdict().id() + " by " + reviewer.display() + " in "
                    + signed.displayFile() + (signed.signed() ? " (signed)" : " (not signed)"));
            out.println("commit it with the migration; 'redline check' now reports this migration as "
                    + (options.verdict().id().equals("approve") ? "approved" : "rejected"));
            return ExitCode.OK;
        } catch (ReviewException e) {
            err.println("redline: " + e.getMessage() + " (nothing recorded)");
            return ExitCode.USAGE_OR_IO;
        }
    }

    private static void show(SignOffDraft draft, List<MigrationAnalysis> analyses, PrintStream out) {
        String sha = draft.sha256() == null ? "unreadable" : draft.sha256().substring(0, 12) + "…";
        out.println("Signing off " + draft.migration() + " (" + draft.tool().id() + ", sha256 " + sha + ")");
        if (!draft.required()) {
            out.println("note: nothing in it needs a sign-off (no destructive or risky finding); recording it anyway");
        }
        out.println();
        for (PointReview p : draft.points()) {
            out.println("  " + p.point() + ". " + p.question() + (p.flagged() ? "  [flagged]" : ""));
            out.println("     " + p.answer());
        }
        out.println();
        List<Finding> findings = draft.findings();
        out.println(findings.isEmpty() ? "findings: none" : "findings:");
        for (Finding f : findings) {
            out.println("  " + f.line() + ":" + f.column() + " " + f.severity().id() + "[" + f.rule() + "] "
                    + f.message() + "  (" + FindingIds.of(f) + ")");
        }
        for (MigrationAnalysis a : analyses) {
            a.errors().forEach(p -> out.println("  error: " + p.message()));
        }
    }

    /** Asks about each point; {@code null} when the reviewer stops (end of input). */
    private SignOffDraft askEachPoint(SignOffDraft draft, PrintStream out) {
        out.println();
        for (PointReview p : draft.points()) {
            Boolean confirmed = null;
            while (confirmed == null) {
                String answer = prompter.ask("Checked point " + p.point() + " (" + p.question() + ")? [y/n] ");
                if (answer == null) {
                    return null;
                }
                switch (answer.strip().toLowerCase(Locale.ROOT)) {
                    case "y", "yes" -> confirmed = true;
                    case "n", "no" -> confirmed = false;
                    default -> out.println("  please answer y or n");
                }
            }
            String note = prompter.ask("  note on point " + p.point() + " (Enter for none): ");
            if (note == null) {
                return null;
            }
            draft = draft.answer(p.point(), confirmed, note);
        }
        return draft;
    }
}

package dev.redline.review;

import dev.redline.core.analysis.ChecklistAnswer;
import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.model.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration's review as Markdown, for a pull request's description: its state, who signed it off when, the six
 * points with the reviewer's confirmations and notes, the findings, the dry-run evidence, and for a stale review
 * what changed. Without a review it shows Redline's checklist and findings, so the description says what still
 * needs a reviewer.
 */
public final class ReviewMarkdown {

    private ReviewMarkdown() {
    }

    /**
     * @param path     the migration's path, as the reader should see it
     * @param status   its review status ({@link ReviewBook#status})
     * @param analyses its analyses (one, or two for a file with a down part); may be empty
     */
    public static String render(String path, ReviewStatus status, List<MigrationAnalysis> analyses) {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(badge(status.state())).append(" — `").append(code(path)).append("`\n\n");
        Review review = status.review();
        if (review != null) {
            md.append("**").append(verb(review.verdict())).append("** by ").append(text(review.reviewer().name()))
                    .append(" <").append(text(review.reviewer().email())).append("> on ")
                    .append(review.reviewedAt()).append(" · SHA-256 `").append(ReviewedVersion.shortSha(
                            review.sha256())).append("` · ").append(signature(status.signature()))
                    .append(" · Redline ").append(text(review.redline())).append("\n\n");
        }
        if (status.state() != ReviewState.APPROVED || status.blocksGate()) {
            md.append("> ").append(text(status.reason())).append("\n\n");
        }
        if (review != null && review.note() != null) {
            md.append("**Note:** ").append(text(review.note())).append("\n\n");
        }
        if (status.diff() != null) {
            md.append("<details><summary>What changed since the review</summary>\n\n```diff\n")
                    .append(status.diff().replace("```", "`\u200b``")).append("```\n\n</details>\n\n");
        }

        md.append("| # | Question | Redline's answer |");
        if (review != null) {
            md.append(" Confirmed | Note |");
        }
        md.append("\n|---|---|---|").append(review != null ? "---|---|" : "").append('\n');
        for (PointReview p : points(review, analyses)) {
            md.append("| ").append(p.point()).append(p.flagged() ? " ⚠" : "").append(" | ").append(cell(p.question()))
                    .append(" | ").append(cell(p.answer())).append(" |");
            if (review != null) {
                md.append(' ').append(p.confirmed() ? "yes" : "no").append(" | ")
                        .append(p.note() == null ? "" : cell(p.note())).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');

        List<Finding> findings = new ArrayList<>();
        analyses.forEach(a -> findings.addAll(a.findings()));
        if (!findings.isEmpty()) {
            md.append("**Findings**\n\n");
            for (Finding f : findings) {
                String id = FindingIds.of(f);
                boolean acknowledged = review != null && review.findings().contains(id);
                md.append("- ").append(f.severity().id()).append(" `").append(f.rule()).append("` line ")
                        .append(f.line()).append(": ").append(text(f.message()))
                        .append(acknowledged ? " *(acknowledged)*" : "").append('\n');
            }
            md.append('\n');
        } else if (review != null && !review.findings().isEmpty()) {
            md.append("**Findings acknowledged:** ");
            md.append(String.join(", ", review.findings().stream().map(id -> "`" + code(id) + "`").toList()));
            md.append("\n\n");
        }

        if (review != null && review.dryRun() != null) {
            dryRun(md, review.dryRun());
        }
        return md.toString();
    }

    private static List<PointReview> points(Review review, List<MigrationAnalysis> analyses) {
        if (review != null) {
            return review.checklist();
        }
        if (analyses.isEmpty()) {
            return List.of();
        }
        if (analyses.size() == 1) {
            List<PointReview> points = new ArrayList<>();
            for (ChecklistAnswer a : analyses.get(0).checklist()) {
                points.add(new PointReview(a.point().number(), a.question(), a.answer(), a.flagged(), false, null));
            }
            return points;
        }
        return SignOffDraft.of(analyses, "").points();
    }

    private static void dryRun(StringBuilder md, DryRunEvidence d) {
        md.append("**Dry-run** on `").append(code(d.target())).append('`');
        if (d.role() != null) {
            md.append(" (").append(text(d.role())).append(')');
        }
        if (d.serverVersion() != null) {
            md.append(", PostgreSQL ").append(text(d.serverVersion()));
        }
        md.append(": ").append(text(d.outcome())).append(" in ").append(d.durationMs()).append(" ms")
                .append(d.committed() ? ", **committed**" : ", rolled back").append("\n\n");
        for (DryRunEvidence.RowDelta r : d.rowCounts()) {
            md.append("- rows in `").append(code(r.table())).append("`: ").append(count(r.before())).append(" → ")
                    .append(count(r.after()));
            if (r.delta() != null) {
                md.append(" (").append(r.delta() >= 0 ? "+" : "").append(r.delta()).append(')');
            }
            md.append('\n');
        }
        for (DryRunEvidence.LockSummary l : d.locks()) {
            md.append("- lock ").append(text(l.mode())).append(" on `").append(code(l.relation())).append("` (line")
                    .append(l.lines().size() == 1 ? " " : "s ")
                    .append(String.join(", ", l.lines().stream().map(String::valueOf).toList())).append(")\n");
        }
        for (String f : d.failures()) {
            md.append("- failed: ").append(text(f)).append('\n');
        }
        md.append('\n');
    }

    private static String badge(ReviewState state) {
        return switch (state) {
            case APPROVED -> "✅ Approved";
            case REJECTED -> "❌ Rejected";
            case STALE -> "⚠️ Stale review";
            case MISSING -> "⏳ Review missing";
            case INVALID -> "⛔ Invalid review file";
            case NOT_REQUIRED -> "➖ No review required";
        };
    }

    private static String verb(Verdict verdict) {
        return verdict == Verdict.APPROVE ? "Approved" : "Rejected";
    }

    private static String signature(SignatureCheck check) {
        if (check == null) {
            return "signature not checked";
        }
        return switch (check.status()) {
            case VALID -> "signed (verified)";
            case UNSIGNED -> "not signed";
            case UNKNOWN_KEY -> "signed by an unknown key";
            case UNCHECKED -> "signed (not verified)";
            case INVALID -> "signature invalid";
        };
    }

    private static String count(Long n) {
        return n == null ? "—" : n.toString();
    }

    /** Text that must not turn into Markdown: HTML and emphasis characters escaped, kept on one line. */
    private static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.replace("\r\n", " ").replace('\n', ' ').toCharArray()) {
            if ("\\`*_[]<>#|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String cell(String s) {
        return text(s);
    }

    /** Text inside a code span: only backticks need care. */
    private static String code(String s) {
        return s == null ? "" : s.replace('`', '\'').replace('\n', ' ');
    }
}

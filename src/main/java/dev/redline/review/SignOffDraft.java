package dev.redline.review;

import dev.redline.core.analysis.ChecklistAnswer;
import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.model.ChecklistPoint;
import dev.redline.core.model.Finding;
import dev.redline.core.model.Migration;
import dev.redline.core.model.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sign-off being prepared: the migration file's checklist points, as Redline answered them, for the reviewer to
 * confirm and annotate one by one ({@link #answer}) or all at once ({@link #confirmAll}). Immutable: each answer gives
 * a new draft. A file that holds both directions (goose, dbmate) is reviewed as one: each point's answer covers both,
 * and the findings of both are acknowledged.
 */
public final class SignOffDraft {

    private final Path file;
    private final String migration;
    private final Tool tool;
    private final String sha256;
    private final boolean required;
    private final List<PointReview> points;
    private final List<Finding> findings;

    private SignOffDraft(Path file, String migration, Tool tool, String sha256, boolean required,
                         List<PointReview> points, List<Finding> findings) {
        this.file = file;
        this.migration = migration;
        this.tool = tool;
        this.sha256 = sha256;
        this.required = required;
        this.points = List.copyOf(points);
        this.findings = List.copyOf(findings);
    }

    /**
     * A draft for the analyses of one migration file (one, or the up and down parts of a goose or dbmate file).
     *
     * @param migration the file's path in the repository ({@link ReviewBook#repositoryPath})
     */
    static SignOffDraft of(List<MigrationAnalysis> analyses, String migration) {
        if (analyses.isEmpty()) {
            throw new IllegalArgumentException("no analysis to sign off");
        }
        Migration first = analyses.get(0).migration();
        for (MigrationAnalysis a : analyses) {
            if (!a.migration().file().equals(first.file())) {
                throw new IllegalArgumentException("analyses of different files: " + first.file() + ", "
                        + a.migration().file());
            }
        }
        List<PointReview> points = new ArrayList<>();
        for (ChecklistPoint point : ChecklistPoint.values()) {
            List<String> texts = new ArrayList<>();
            List<String> labelled = new ArrayList<>();
            boolean flagged = false;
            for (MigrationAnalysis a : analyses) {
                ChecklistAnswer answer = a.checklist().stream().filter(c -> c.point() == point).findFirst()
                        .orElse(null);
                String text = answer == null ? "" : answer.answer();
                texts.add(text);
                labelled.add(capitalise(a.migration().direction().id()) + ": " + text);
                flagged |= answer != null && answer.flagged();
            }
            // One answer when the parts agree; else each part's, labelled with its direction.
            String answer = texts.stream().distinct().count() == 1 ? texts.get(0) : String.join(" ", labelled);
            points.add(new PointReview(point.number(), point.question(), answer, flagged, false, null));
        }
        List<Finding> findings = new ArrayList<>();
        analyses.forEach(a -> findings.addAll(a.findings()));
        boolean required = analyses.stream().anyMatch(MigrationAnalysis::needsReview);
        String sha = analyses.get(0).sha256();
        return new SignOffDraft(first.file(), migration, first.tool(), sha, required, points, findings);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Records the reviewer's answer to one point (1-6): confirmed or not, and an optional note. */
    public SignOffDraft answer(int point, boolean confirmed, String note) {
        if (point < 1 || point > points.size()) {
            throw new IllegalArgumentException("no checklist point " + point);
        }
        List<PointReview> next = new ArrayList<>(points);
        next.set(point - 1, points.get(point - 1).withAnswer(confirmed, note));
        return new SignOffDraft(file, migration, tool, sha256, required, next, findings);
    }

    /** Every point confirmed, keeping any notes already given. */
    public SignOffDraft confirmAll() {
        List<PointReview> next = points.stream().map(p -> p.withAnswer(true, p.note())).toList();
        return new SignOffDraft(file, migration, tool, sha256, required, next, findings);
    }

    /** The points not confirmed yet, by number. */
    public List<Integer> unconfirmed() {
        return points.stream().filter(p -> !p.confirmed()).map(PointReview::point).toList();
    }

    public Path file() {
        return file;
    }

    /** The migration's path in the repository, {@code /} separators. */
    public String migration() {
        return migration;
    }

    public Tool tool() {
        return tool;
    }

    /** SHA-256 of the bytes that were analysed, or {@code null} when the file could not be read. */
    public String sha256() {
        return sha256;
    }

    /** Whether the gate needs this sign-off (a destructive or risky finding, or an unreadable file). */
    public boolean required() {
        return required;
    }

    public List<PointReview> points() {
        return points;
    }

    public List<Finding> findings() {
        return findings;
    }

    /** The ids the review records as acknowledged, in order, each once. */
    public List<String> findingIds() {
        return findings.stream().map(FindingIds::of).distinct().toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignOffDraft d && d.file.equals(file) && d.points.equals(points)
                && Objects.equals(d.sha256, sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, points, sha256);
    }
}

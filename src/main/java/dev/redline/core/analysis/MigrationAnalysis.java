package dev.redline.core.analysis;

import dev.redline.core.model.Finding;
import dev.redline.core.model.Migration;
import dev.redline.core.model.ScriptProblem;
import dev.redline.core.sql.SourceText;
import dev.redline.core.sql.SqlStatement;
import java.util.List;

/**
 * Everything Redline concluded about one migration.
 *
 * @param inTransaction whether the tool runs it in one transaction: {@code true}, {@code false}, or {@code null}
 *                      when that cannot be known (unreadable file)
 * @param source        the text analysed, or {@code null} when the file could not be read
 */
public record MigrationAnalysis(Migration migration, String sha256, SourceText source, List<SqlStatement> statements,
                                Boolean inTransaction, List<ChecklistAnswer> checklist, List<Finding> findings,
                                List<ScriptProblem> errors) {

    /** Whether a human must sign this migration off before the gate passes. */
    public boolean needsReview() {
        return !errors.isEmpty() && source == null
                || findings.stream().anyMatch(f -> f.severity().blocksGate());
    }
}

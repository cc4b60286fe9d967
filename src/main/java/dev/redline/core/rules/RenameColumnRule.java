package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ParsedStatement;

/** {@code ALTER TABLE … RENAME COLUMN}: breaks the version of the application still running mid-deploy. */
public final class RenameColumnRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("rename-column", 4, Severity.RISKY,
            "Renames a column: queries of the version still running fail until it is replaced.",
            "Expand and contract: add the new column, write both, backfill, switch reads, and drop the old column "
                    + "in a later release.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (!(ctx.parsed() instanceof ParsedStatement.AlterTable at) || ctx.isNewTable(at.table())) {
            return;
        }
        for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.RenameColumn rc) {
                String target = at.table().qualified() + "." + rc.from();
                sink.report(INFO, rc.span(), target, "Renames column " + target + " to " + rc.to()
                        + ": queries of the version still running fail until it is replaced.");
            }
        }
    }
}

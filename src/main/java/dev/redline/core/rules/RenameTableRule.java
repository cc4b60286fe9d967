package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ParsedStatement;

/** {@code ALTER TABLE … RENAME TO}: the application version still running mid-deploy loses the table. */
public final class RenameTableRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("rename-table", 4, Severity.RISKY,
            "Renames a table: every running instance of the old code fails on its queries until it is replaced.",
            "Expand and contract: create the new name (or a view with the old name over the new table), move the "
                    + "code over, and remove the old name in a later release.");

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
            if (a instanceof AlterAction.RenameTable rt) {
                sink.report(INFO, rt.span(), at.table().qualified(), "Renames table " + at.table().qualified()
                        + " to " + rt.to() + ": queries of the version still running fail until it is replaced.");
            }
        }
    }
}

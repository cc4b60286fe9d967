package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ParsedStatement;

/** {@code ALTER TABLE … DROP COLUMN} on a table that already holds data. */
public final class DropColumnRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("drop-column", 1, Severity.DESTRUCTIVE,
            "Drops a column and its values in every row.",
            "Stop reading and writing the column in a release first; drop it in a later migration once no running "
                    + "version uses it, after copying the values somewhere if they may be needed.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (!(ctx.parsed() instanceof ParsedStatement.AlterTable at) || at.foreign() || ctx.isNewTable(at.table())) {
            return;
        }
        for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.DropColumn dc) {
                String target = at.table().qualified() + "." + dc.column();
                sink.report(INFO, dc.span(), target, "Drops column " + target + " and its value in every row"
                        + (dc.cascade() ? "; CASCADE also drops views and constraints that use it" : "") + ".");
            }
        }
    }
}

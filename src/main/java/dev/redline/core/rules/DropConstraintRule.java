package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ParsedStatement;

/** {@code ALTER TABLE … DROP CONSTRAINT}: no rows are lost, but the data loses a guarantee. */
public final class DropConstraintRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("drop-constraint", 1, Severity.INFO,
            "Drops a constraint: no rows are lost, but bad data can get in from now on.",
            "Make sure the guarantee is enforced elsewhere, or replace the constraint in the same migration.");

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
            if (a instanceof AlterAction.DropConstraint dc) {
                String target = at.table().qualified() + "." + dc.name();
                if (dc.cascade()) {
                    sink.report(INFO, Severity.RISKY, dc.span(), target, "Drops constraint " + dc.name() + " on "
                            + at.table().qualified() + " with CASCADE: foreign keys in other tables that depend on "
                            + "it are dropped silently.");
                } else {
                    sink.report(INFO, dc.span(), target, "Drops constraint " + dc.name() + " on "
                            + at.table().qualified() + ".");
                }
            }
        }
    }
}

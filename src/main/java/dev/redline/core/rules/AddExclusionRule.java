package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ConstraintDef;
import dev.redline.core.parse.ParsedStatement;

/** An EXCLUDE constraint added to a table with rows: fails on conflicting rows and builds its index under a lock. */
public final class AddExclusionRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("add-exclusion", 3, Severity.RISKY,
            "Adds an EXCLUDE constraint to a table with rows: fails if existing rows conflict, and builds its index "
                    + "under an ACCESS EXCLUSIVE lock.",
            "Find and resolve conflicting rows first; add the constraint in a quiet window with a lock_timeout, as "
                    + "exclusion constraints cannot be added NOT VALID or built CONCURRENTLY.");

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
            if (a instanceof AlterAction.AddConstraint ac && ac.constraint().kind() == ConstraintDef.Kind.EXCLUDE) {
                String name = ac.constraint().name() == null ? "" : " " + ac.constraint().name();
                sink.report(INFO, ac.span(), at.table().qualified(), "EXCLUDE constraint" + name + " on "
                        + at.table().qualified() + " fails if existing rows conflict, and builds its index while "
                        + "every query on the table waits.");
            }
        }
    }
}

package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ConstraintDef;
import dev.redline.core.parse.ParsedStatement;

/** A CHECK constraint added to a table with rows without NOT VALID. */
public final class AddCheckRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("add-check", 3, Severity.RISKY,
            "Adds a CHECK constraint that is tested against every existing row under an ACCESS EXCLUSIVE lock.",
            "ADD CONSTRAINT … CHECK (…) NOT VALID, then VALIDATE CONSTRAINT in a separate migration.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.parsed() instanceof ParsedStatement.AlterDomainAddCheck dc) {
            if (!dc.notValid()) {
                sink.report(INFO, dc.span(), dc.domain().qualified(), "CHECK on domain " + dc.domain().qualified()
                        + " is tested against every column of that domain in every table: it fails if one value "
                        + "violates it.");
            }
            return;
        }
        if (!(ctx.parsed() instanceof ParsedStatement.AlterTable at) || at.foreign() || ctx.isNewTable(at.table())) {
            return;
        }
        String table = at.table().qualified();
        for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.AddConstraint ac && ac.constraint().kind() == ConstraintDef.Kind.CHECK
                    && !ac.constraint().notValid()) {
                String name = ac.constraint().name() == null ? "" : " " + ac.constraint().name();
                sink.report(INFO, ac.span(), table, "CHECK" + name + " on " + table + " is tested against every "
                        + "existing row: it fails if one violates it, holding an ACCESS EXCLUSIVE lock while it scans.");
            } else if (a instanceof AlterAction.AddColumn ac) {
                for (ConstraintDef c : ac.column().inlineConstraints()) {
                    if (c.kind() == ConstraintDef.Kind.CHECK) {
                        sink.report(INFO, ac.span(), table + "." + ac.column().name(), "ADD COLUMN "
                                + ac.column().name() + " with a CHECK is tested against every existing row"
                                + (ac.column().hasDefault() ? " (with the default value)." : "."));
                    }
                }
            }
        }
    }
}

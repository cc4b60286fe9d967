package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ConstraintDef;
import dev.redline.core.parse.ParsedStatement;

/** A FOREIGN KEY added to a table with rows without NOT VALID: checked against every row, locking both tables. */
public final class AddForeignKeyRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("add-foreign-key", 3, Severity.RISKY,
            "Adds a FOREIGN KEY that is checked against every existing row: fails on orphans and blocks writes to "
                    + "both tables while it scans.",
            "ADD CONSTRAINT … FOREIGN KEY … NOT VALID, then VALIDATE CONSTRAINT in a separate migration (it takes a "
                    + "weaker lock).");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (!(ctx.parsed() instanceof ParsedStatement.AlterTable at) || at.foreign() || ctx.isNewTable(at.table())) {
            return;
        }
        String table = at.table().qualified();
        for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.AddConstraint ac && ac.constraint().kind() == ConstraintDef.Kind.FOREIGN_KEY
                    && !ac.constraint().notValid()) {
                ConstraintDef c = ac.constraint();
                String ref = c.references() == null ? "?" : c.references().qualified();
                String target = table + (c.columns().isEmpty() ? "" : "(" + String.join(", ", c.columns()) + ")");
                sink.report(INFO, ac.span(), target, "FOREIGN KEY " + target + " → " + ref + " is validated against "
                        + "every existing row: it fails on rows with no match, and blocks writes to " + table + " and "
                        + ref + " while it scans.");
            } else if (a instanceof AlterAction.AddColumn ac) {
                for (ConstraintDef c : ac.column().inlineConstraints()) {
                    if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY) {
                        String ref = c.references() == null ? "?" : c.references().qualified();
                        sink.report(INFO, ac.span(), table + "." + ac.column().name(), "ADD COLUMN "
                                + ac.column().name() + " REFERENCES " + ref + " takes a SHARE ROW EXCLUSIVE lock on "
                                + ref + (ac.column().hasDefault() ? " and checks the default against every row."
                                : "; new NULL values cannot fail."));
                    }
                }
            }
        }
    }
}

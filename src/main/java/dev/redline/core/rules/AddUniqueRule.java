package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ConstraintDef;
import dev.redline.core.parse.ParsedStatement;

/** UNIQUE or PRIMARY KEY imposed on a table that has rows, or a unique index built on one. */
public final class AddUniqueRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("add-unique", 3, Severity.RISKY,
            "Adds a UNIQUE or PRIMARY KEY constraint (or unique index) to a table with rows: fails on duplicates, "
                    + "and builds the index while blocking writes.",
            "Find and resolve duplicates first; CREATE UNIQUE INDEX CONCURRENTLY, then ALTER TABLE … ADD "
                    + "CONSTRAINT … UNIQUE USING INDEX (or PRIMARY KEY USING INDEX).");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.parsed() instanceof ParsedStatement.CreateIndex ci) {
            if (ci.unique() && !ctx.isNewTable(ci.table())) {
                String table = ci.table().qualified();
                sink.report(INFO, ci.span(), table, "CREATE UNIQUE INDEX" + (ci.concurrently() ? " CONCURRENTLY" : "")
                        + " on " + table + " fails if existing rows hold duplicates"
                        + (ci.concurrently() ? ", leaving an INVALID index behind." : "."));
            }
            return;
        }
        if (!(ctx.parsed() instanceof ParsedStatement.AlterTable at) || at.foreign() || ctx.isNewTable(at.table())) {
            return;
        }
        String table = at.table().qualified();
        for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.AddConstraint ac) {
                ConstraintDef c = ac.constraint();
                boolean pk = c.kind() == ConstraintDef.Kind.PRIMARY_KEY;
                if (c.kind() != ConstraintDef.Kind.UNIQUE && !pk) {
                    continue;
                }
                String what = pk ? "PRIMARY KEY" : "UNIQUE";
                String target = table + (c.columns().isEmpty() ? "" : "(" + String.join(", ", c.columns()) + ")");
                if (c.usingIndex() != null) {
                    sink.report(INFO, pk ? Severity.RISKY : Severity.INFO, ac.span(), target, "ADD " + what
                            + " USING INDEX " + c.usingIndex() + " on " + table + " promotes an existing unique index: "
                            + "duplicates were already ruled out" + (pk ? ", but it fails if a key column holds NULLs."
                            : "."));
                } else {
                    sink.report(INFO, ac.span(), target, "ADD " + what + " on " + target
                            + " fails if existing rows hold duplicates" + (pk ? " or NULLs" : "")
                            + ", and builds its index while blocking writes to " + table + ".");
                }
            } else if (a instanceof AlterAction.AddColumn ac) {
                for (ConstraintDef c : ac.column().inlineConstraints()) {
                    if (c.kind() == ConstraintDef.Kind.UNIQUE || c.kind() == ConstraintDef.Kind.PRIMARY_KEY) {
                        String target = table + "." + ac.column().name();
                        sink.report(INFO, ac.span(), target, "ADD COLUMN " + ac.column().name() + " "
                                + (c.kind() == ConstraintDef.Kind.UNIQUE ? "UNIQUE" : "PRIMARY KEY")
                                + " builds a unique index on " + table + " while blocking writes"
                                + (ac.column().hasDefault() ? "; with a constant DEFAULT it fails on a second row."
                                : "."));
                    }
                }
            }
        }
    }
}

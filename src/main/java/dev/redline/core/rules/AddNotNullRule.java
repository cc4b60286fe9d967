package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ColumnDef;
import dev.redline.core.parse.ConstraintDef;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.schema.TableInfo;

/** NOT NULL imposed on existing rows: SET NOT NULL, ADD COLUMN … NOT NULL without a default, PG18's ADD … NOT NULL. */
public final class AddNotNullRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("add-not-null", 3, Severity.RISKY,
            "Makes a column NOT NULL on a table that has rows: fails if any row is NULL, and scans the table "
                    + "under an ACCESS EXCLUSIVE lock.",
            "Backfill the NULLs first; add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it in a later migration, "
                    + "then SET NOT NULL (PostgreSQL 12+ skips the scan). For a new column, give it a DEFAULT.");

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
            if (a instanceof AlterAction.SetNotNull sn) {
                TableInfo info = ctx.table(at.table());
                if (info != null && info.hasValidNotNullCheck(sn.column())) {
                    sink.report(INFO, Severity.INFO, sn.span(), table + "." + sn.column(), "SET NOT NULL on " + table
                            + "." + sn.column() + " is backed by a validated CHECK (" + sn.column()
                            + " IS NOT NULL): PostgreSQL 12+ neither scans nor can fail.");
                    continue;
                }
                sink.report(INFO, sn.span(), table + "." + sn.column(), "SET NOT NULL on " + table + "."
                        + sn.column() + " fails if any existing row is NULL, and scans the whole table while "
                        + "holding an ACCESS EXCLUSIVE lock.");
            } else if (a instanceof AlterAction.AddColumn ac) {
                ColumnDef c = ac.column();
                boolean notNull = c.notNull() || c.primaryKey();
                if (notNull && !c.fillsItself()) {
                    sink.report(INFO, ac.span(), table + "." + c.name(), "ADD COLUMN " + c.name() + " "
                            + (c.notNull() ? "NOT NULL" : "PRIMARY KEY (implies NOT NULL)")
                            + " without a DEFAULT fails as soon as " + table + " has a row.");
                }
            } else if (a instanceof AlterAction.AddConstraint ac
                    && ac.constraint().kind() == ConstraintDef.Kind.NOT_NULL && !ac.constraint().notValid()) {
                String col = ac.constraint().columns().isEmpty() ? "?" : ac.constraint().columns().get(0);
                sink.report(INFO, ac.span(), table + "." + col, "ADD CONSTRAINT … NOT NULL on " + table + "." + col
                        + " fails if any existing row is NULL, and scans the table under an ACCESS EXCLUSIVE lock.");
            }
        }
    }
}

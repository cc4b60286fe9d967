package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ColumnDef;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.schema.ColumnInfo;
import dev.redline.core.schema.TableInfo;

/** Statements that copy a whole existing table under an ACCESS EXCLUSIVE lock. */
public final class TableRewriteRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("table-rewrite", 6, Severity.RISKY,
            "Rewrites the whole table (and rebuilds its indexes) while holding an ACCESS EXCLUSIVE lock.",
            "Add a new column and backfill it in batches instead of changing a type in place; add volatile defaults "
                    + "as NULL then backfill; use pg_repack instead of VACUUM FULL or CLUSTER.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.parsed() instanceof ParsedStatement.Vacuum v && v.full()) {
            String t = v.tables().isEmpty() ? "every table" : v.tables().get(0).qualified();
            sink.report(INFO, ctx.statementSpan(), v.tables().isEmpty() ? null : t,
                    "VACUUM FULL rewrites " + t + " under an ACCESS EXCLUSIVE lock: reads and writes wait.");
            return;
        }
        if (ctx.parsed() instanceof ParsedStatement.Cluster c) {
            String t = c.table() == null ? "every previously clustered table" : c.table().qualified();
            sink.report(INFO, ctx.statementSpan(), c.table() == null ? null : t,
                    "CLUSTER rewrites " + t + " under an ACCESS EXCLUSIVE lock: reads and writes wait.");
            return;
        }
        if (!(ctx.parsed() instanceof ParsedStatement.AlterTable at) || at.foreign() || ctx.isNewTable(at.table())) {
            return;
        }
        String table = at.table().qualified();
        TableInfo info = ctx.table(at.table());
        for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.AlterColumnType act) {
                ColumnInfo old = info == null ? null : info.column(act.column());
                TypeChange change = TypeChange.of(old == null ? null : old.type(), act.type(), act.using());
                if (Boolean.TRUE.equals(change.rewrites())) {
                    sink.report(INFO, act.span(), table, "Changing " + table + "." + act.column() + " to "
                            + act.type().display() + " rewrites " + table + " and rebuilds its indexes under an "
                            + "ACCESS EXCLUSIVE lock.");
                }
            } else if (a instanceof AlterAction.AddColumn ac) {
                ColumnDef c = ac.column();
                String why = c.volatileDefault() ? "its DEFAULT " + c.defaultExpression() + " is volatile"
                        : c.generatedStored() ? "a stored generated column is computed for every row"
                        : c.identity() ? "an identity column is numbered for every row"
                        : c.type() != null && c.type().isSerial() ? "a serial column is numbered for every row"
                        : null;
                if (why != null) {
                    sink.report(INFO, ac.span(), table + "." + c.name(), "ADD COLUMN " + c.name() + " rewrites "
                            + table + " under an ACCESS EXCLUSIVE lock: " + why + ".");
                }
            } else if (a instanceof AlterAction.Rewrite rw) {
                sink.report(INFO, rw.span(), table, rw.what() + " rewrites " + table
                        + " under an ACCESS EXCLUSIVE lock.");
            }
        }
    }
}

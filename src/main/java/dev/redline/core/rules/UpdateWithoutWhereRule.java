package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.ParsedStatement;

/** An UPDATE with no WHERE clause, at the top level or in a WITH clause. */
public final class UpdateWithoutWhereRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("update-without-where", 1, Severity.DESTRUCTIVE,
            "UPDATE with no WHERE overwrites the column in every row.",
            "Add the WHERE clause that names the rows to change (e.g. WHERE col IS NULL for a backfill), and "
                    + "backfill large tables in batches.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (!(ctx.parsed() instanceof ParsedStatement.Dml dml)) {
            return;
        }
        for (ParsedStatement.DataChange ch : dml.changes()) {
            if (ch.verb().equals("UPDATE") && !ch.hasWhere()) {
                String table = ch.table() == null ? "?" : ch.table().qualified();
                boolean fresh = ctx.isNewTable(ch.table());
                sink.report(INFO, fresh ? Severity.INFO : INFO.severity(), ch.span(), table,
                        "UPDATE " + (ch.inCte() ? "in a WITH clause " : "") + "has no WHERE: it rewrites every row of "
                                + table + (fresh ? " (created in this migration)" : "")
                                + ", overwriting the old values.");
            }
        }
    }
}

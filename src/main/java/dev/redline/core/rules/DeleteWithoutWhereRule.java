package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.ParsedStatement;

/** A DELETE with no WHERE clause, at the top level or in a WITH clause. */
public final class DeleteWithoutWhereRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("delete-without-where", 1, Severity.DESTRUCTIVE,
            "DELETE with no WHERE removes every row of the table.",
            "Add the WHERE clause that names the rows to delete, and check how many rows it matches first.");

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
            if (ch.verb().equals("DELETE") && !ch.hasWhere()) {
                String table = ch.table() == null ? "?" : ch.table().qualified();
                boolean fresh = ctx.isNewTable(ch.table());
                sink.report(INFO, fresh ? Severity.INFO : INFO.severity(), ch.span(), table,
                        "DELETE " + (ch.inCte() ? "in a WITH clause " : "") + "has no WHERE: it removes every row of "
                                + table + (fresh ? " (created in this migration)" : "") + ".");
            }
        }
    }
}

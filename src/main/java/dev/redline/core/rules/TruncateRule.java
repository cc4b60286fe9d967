package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.parse.QName;

/** {@code TRUNCATE}: deletes every row at once, under an ACCESS EXCLUSIVE lock. */
public final class TruncateRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("truncate", 1, Severity.DESTRUCTIVE,
            "Deletes every row of a table.",
            "If the rows really must go, delete them in batches with a WHERE clause you can check, after a backup.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.parsed() instanceof ParsedStatement.Truncate t) {
            for (QName table : t.tables()) {
                boolean fresh = ctx.isNewTable(table);
                sink.report(INFO, fresh ? Severity.INFO : INFO.severity(), ctx.statementSpan(), table.qualified(),
                        "Deletes every row of " + table.qualified()
                                + (t.cascade() ? ", and of every table that references it (CASCADE)" : "")
                                + (fresh ? " (created in this migration)" : "") + ".");
            }
        }
    }
}

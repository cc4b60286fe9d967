package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.parse.QName;

/** {@code DROP TABLE}: every row of the table is gone, and no rollback of the code brings it back. */
public final class DropTableRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("drop-table", 1, Severity.DESTRUCTIVE,
            "Drops a table and all of its rows.",
            "Keep the table until no deployed code reads it; rename it aside (or dump it) first, and drop it in a "
                    + "later release once you are sure the data is not needed.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (!(ctx.parsed() instanceof ParsedStatement.Drop d) || !d.objectType().equals("TABLE")) {
            return;
        }
        for (QName t : d.names()) {
            String cascade = d.cascade() ? "; CASCADE also drops the views and foreign keys that depend on it" : "";
            if (ctx.isNewTable(t)) {
                sink.report(INFO, Severity.INFO, d.span(), t.qualified(), "Drops table " + t.qualified()
                        + ", which this migration created: no existing rows are lost" + cascade + ".");
            } else {
                sink.report(INFO, d.span(), t.qualified(), "Drops table " + t.qualified()
                        + " and every row in it" + cascade + ".");
            }
        }
    }
}

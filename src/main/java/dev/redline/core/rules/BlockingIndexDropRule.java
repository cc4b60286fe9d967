package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.parse.QName;

/** {@code DROP INDEX} without CONCURRENTLY: an ACCESS EXCLUSIVE lock on the index's table. */
public final class BlockingIndexDropRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("blocking-index-drop", 6, Severity.RISKY,
            "Drops an index without CONCURRENTLY: takes an ACCESS EXCLUSIVE lock on its table, queueing every "
                    + "query behind any long-running one.",
            "DROP INDEX CONCURRENTLY IF EXISTS … in a migration that runs outside a transaction.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (!(ctx.parsed() instanceof ParsedStatement.Drop d) || !d.objectType().equals("INDEX") || d.concurrently()) {
            return;
        }
        for (QName index : d.names()) {
            QName table = ctx.schema().tableOfIndex(index);
            String on = table == null ? "its table" : table.qualified();
            if (table != null && ctx.isNewTable(table)) {
                sink.report(INFO, Severity.INFO, d.span(), index.qualified(), "DROP INDEX " + index.qualified()
                        + " locks " + on + ", which this migration created: nobody else uses it yet.");
            } else {
                sink.report(INFO, d.span(), index.qualified(), "DROP INDEX " + index.qualified()
                        + " takes an ACCESS EXCLUSIVE lock on " + on + ": reads and writes wait until it is done.");
            }
        }
    }
}

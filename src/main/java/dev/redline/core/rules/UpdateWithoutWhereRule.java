package dev.redline.core.rules;

import dev.redline.core.model.Severity;

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
        WholeTableChanges.report(ctx, sink, INFO, "UPDATE", "rewrites every row of", ", overwriting the old values");
    }
}

package dev.redline.core.rules;

import dev.redline.core.model.Severity;

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
        WholeTableChanges.report(ctx, sink, INFO, "DELETE", "removes every row of", "");
    }
}

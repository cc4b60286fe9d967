package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.ParsedStatement;

/** BEGIN, COMMIT, ROLLBACK, SAVEPOINT… written into a migration that its tool already runs in a transaction. */
public final class TransactionControlRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("transaction-control", 5, Severity.RISKY,
            "Controls the transaction from inside the migration: a COMMIT makes everything before it permanent even "
                    + "if the rest fails.",
            "Remove BEGIN/COMMIT and let the migration tool run the migration in its transaction; split work that "
                    + "must commit separately into separate migrations.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (!(ctx.parsed() instanceof ParsedStatement.TransactionControl tc)) {
            return;
        }
        if (!ctx.tool().managesTransactions()) {
            // an outer BEGIN … COMMIT is how such scripts are atomic
            sink.report(INFO, Severity.INFO, ctx.statementSpan(), null, tc.verb() + ": " + ctx.tool().displayName()
                    + " scripts manage their own transaction; check it wraps the whole script.");
            return;
        }
        sink.report(INFO, ctx.statementSpan(), null, tc.verb() + " inside a " + ctx.tool().displayName()
                + " migration: it ends or nests the tool's own transaction, so part of the migration can be committed "
                + "while the rest fails.");
    }
}

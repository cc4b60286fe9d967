package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ParsedStatement;

/** A statement (or an ALTER TABLE action) Redline could not understand: never treated as safe. */
public final class UnparsedRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("unparsed", 0, Severity.RISKY,
            "Redline could not understand this statement, so it cannot vouch for it: a human must read it.",
            "Read the statement yourself; if it is valid PostgreSQL, report it so Redline learns it.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.parsed() instanceof ParsedStatement.Unknown u) {
            sink.report(INFO, ctx.statementSpan(), null, "Not understood: " + u.reason() + ".");
        } else if (ctx.parsed() instanceof ParsedStatement.AlterTable at) {
            for (AlterAction a : at.actions()) {
                if (a instanceof AlterAction.Unknown u) {
                    sink.report(INFO, u.span(), at.table().qualified(), "Not understood: ALTER TABLE "
                            + at.table().qualified() + " action «" + ChangeColumnTypeRule.abbreviate(u.text()) + "».");
                }
            }
        }
    }
}

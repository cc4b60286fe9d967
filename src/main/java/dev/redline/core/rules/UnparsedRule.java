package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.parse.SecondOpinion;

/** A statement (or an ALTER TABLE action) Redline could not understand: never treated as safe. */
public final class UnparsedRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("unparsed", 0, Severity.RISKY,
            "Redline could not understand this statement, so it cannot vouch for it: a human must read it.",
            "Read the statement yourself; if it is valid PostgreSQL, report it so Redline learns it.");

    /**
     * JSqlParser's verdict on a statement Redline's recogniser could not classify: a second reader for the reviewer.
     * It never makes the statement safe. Each call is bounded in time, and only the first few unparsed statements of
     * a migration are asked about, so a file of garbage cannot make the run slow.
     */
    private static String secondOpinion(StatementContext ctx) {
        if (!ctx.state().takeSecondOpinion()) {
            return "(JSqlParser was not asked: too many unparsed statements in this migration.)";
        }
        return SecondOpinion.of(ctx.text()).describe() + ".";
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.parsed() instanceof ParsedStatement.Unknown u) {
            sink.report(INFO, ctx.statementSpan(), null, "Not understood: " + u.reason() + ". " + secondOpinion(ctx));
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

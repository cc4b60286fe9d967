package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.ParsedStatement;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * DO blocks and procedure calls: code that runs SQL Redline can only partly read. It names the literal statements
 * it found inside and what the rules say about them; SQL built at run time stays unchecked.
 */
public final class DynamicSqlRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("dynamic-sql", 0, Severity.RISKY,
            "Runs code (DO block, EXECUTE, CALL) whose SQL Redline can only partly read.",
            "Write the statements as plain SQL in the migration so they can be reviewed and checked; keep DO "
                    + "blocks for control flow only.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.parsed() instanceof ParsedStatement.Call call) {
            String name = call.procedure() == null ? "a procedure" : call.procedure().qualified();
            sink.report(INFO, ctx.statementSpan(), name, "CALL " + name + " runs code Redline cannot see; a "
                    + "procedure may even COMMIT part of the migration.");
            return;
        }
        if (!(ctx.parsed() instanceof ParsedStatement.DoBlock) || ctx.doBlock() == null) {
            return;
        }
        DoBlockSummary s = ctx.doBlock();
        Severity worst = s.dynamicExecutes() > 0 ? Severity.RISKY : Severity.INFO;
        Set<String> rules = new LinkedHashSet<>();
        StringBuilder listed = new StringBuilder();
        int shown = 0;
        for (DoBlockSummary.InnerStatement st : s.statements()) {
            if (st.rules().isEmpty()) {
                continue;
            }
            worst = Severity.worst(worst, st.worst());
            rules.addAll(st.rules());
            if (shown++ < 3) {
                listed.append(listed.length() == 0 ? "" : "; ").append("line ").append(st.line()).append(": ")
                        .append(ChangeColumnTypeRule.abbreviate(st.sql())).append(" (")
                        .append(String.join(", ", st.rules())).append(')');
            }
        }
        StringBuilder msg = new StringBuilder("DO block");
        if (!rules.isEmpty()) {
            msg.append(" runs ").append(listed);
            if (shown > 3) {
                msg.append("; and ").append(shown - 3).append(" more");
            }
        } else {
            msg.append(" runs ").append(s.statements().size()).append(" literal statement")
                    .append(s.statements().size() == 1 ? "" : "s").append(" with no findings");
        }
        if (s.dynamicExecutes() > 0) {
            msg.append("; ").append(s.dynamicExecutes()).append(" EXECUTE").append(s.dynamicExecutes() == 1 ? "" : "s")
                    .append(" build SQL at run time that Redline cannot check");
        }
        msg.append('.');
        sink.report(INFO, worst, ctx.statementSpan(), rules.isEmpty() ? null : String.join(",", rules),
                msg.toString());
    }
}

package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.schema.ColumnInfo;
import dev.redline.core.schema.TableInfo;
import java.util.regex.Pattern;

/** {@code ALTER COLUMN … TYPE}: says whether the change narrows values and whether it rewrites the table. */
public final class ChangeColumnTypeRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("change-column-type", 2, Severity.RISKY,
            "Changes a column's type: values may be cut or rejected, and the table may be rewritten.",
            "Add a new column of the new type, backfill it in batches, switch the application, then drop the old "
                    + "column; check the longest/largest existing value before narrowing.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (!(ctx.parsed() instanceof ParsedStatement.AlterTable at) || ctx.isNewTable(at.table())) {
            return;
        }
        TableInfo table = ctx.table(at.table());
        for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.AlterColumnType act) {
                ColumnInfo old = table == null ? null : table.column(act.column());
                TypeChange change = TypeChange.of(old == null ? null : old.type(), act.type(), act.using());
                String target = at.table().qualified() + "." + act.column();
                Severity severity = Boolean.TRUE.equals(change.narrows()) ? Severity.DESTRUCTIVE
                        : Boolean.FALSE.equals(change.narrows()) && Boolean.FALSE.equals(change.rewrites())
                        ? Severity.INFO : Severity.RISKY;
                String from = change.from() == null ? "" : " from " + change.from().display();
                sink.report(INFO, severity, act.span(), target, "Changes " + target + from + " to "
                        + act.type().display() + (act.using() != null ? " USING " + abbreviate(act.using()) : "")
                        + ": " + change.verdict() + " (" + change.explanation() + ").");
            }
        }
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    static String abbreviate(String s) {
        String one = WHITESPACE.matcher(s).replaceAll(" ").trim();
        return one.length() > 60 ? one.substring(0, 57) + "…" : one;
    }
}

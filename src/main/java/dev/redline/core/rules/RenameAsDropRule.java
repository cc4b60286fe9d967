package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ParsedStatement;

/**
 * A column or table dropped and created again under the same name in one migration: the shape a generated
 * "rename" or "type change" takes when it empties the column instead.
 */
public final class RenameAsDropRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("rename-as-drop", 1, Severity.DESTRUCTIVE,
            "Drops and re-creates a column or table under the same name: the old values are gone.",
            "Change the column in place (ALTER COLUMN … TYPE … USING, or RENAME COLUMN), or copy the values into "
                    + "the new column before dropping the old one.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.parsed() instanceof ParsedStatement.AlterTable at) {
            if (ctx.isNewTable(at.table())) {
                return; // created in this migration: there were no values to lose
            }
            String table = at.table().qualified();
            java.util.Set<String> droppedHere = new java.util.HashSet<>();
            for (AlterAction a : at.actions()) {
                if (a instanceof AlterAction.DropColumn dc) {
                    droppedHere.add(dc.column()); // Prisma writes "DROP COLUMN x, ADD COLUMN x …" in one statement
                } else if (a instanceof AlterAction.AddColumn ac) {
                    Integer line = droppedHere.contains(ac.column().name()) ? Integer.valueOf(ctx.statement().line())
                            : ctx.state().droppedColumnLine(table, ac.column().name());
                    if (line != null) {
                        String target = table + "." + ac.column().name();
                        sink.report(INFO, ac.span(), target, "Re-creates column " + target + " dropped on line "
                                + line + ": every row's old value is lost, the new column starts "
                                + (ac.column().hasNonNullDefault() ? "at its default" : "empty") + ".");
                    }
                }
            }
        } else if (ctx.parsed() instanceof ParsedStatement.CreateTable ct) {
            Integer line = ctx.state().droppedTableLine(ct.name().qualified());
            if (line != null) {
                sink.report(INFO, ctx.statementSpan(), ct.name().qualified(), "Re-creates table "
                        + ct.name().qualified() + " dropped on line " + line + ": the new table starts "
                        + (ct.asQuery() ? "from the query's rows" : "empty") + "; the old rows are gone.");
            }
        }
    }
}

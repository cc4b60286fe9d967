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

    /** {@code DROP COLUMN phone} earlier, now {@code ADD COLUMN phone_number}: the values went with the drop. */
    private static void renamedByDropThenAdd(StatementContext ctx, FindingSink sink, ParsedStatement.AlterTable at,
                                             AlterAction.AddColumn ac) {
        String table = at.table().qualified();
        for (MigrationState.ColumnEvent d : droppedColumnsSoFar(ctx, at, ac)) {
            if (LikelyRename.of(d.column(), d.type(), ac.column().name(), ac.column().type())) {
                sink.report(INFO, ac.span(), table + "." + d.column(), "Looks like a rename of " + table + "."
                        + d.column() + " to " + ac.column().name() + " done as DROP + ADD (line " + d.line()
                        + "): every " + d.column() + " value is lost and " + ac.column().name() + " starts empty.");
                return;
            }
        }
    }

    /** {@code ADD COLUMN phone_number} earlier, now {@code DROP COLUMN phone}, with no UPDATE copying in between. */
    private static void renamedByAddThenDrop(StatementContext ctx, FindingSink sink, ParsedStatement.AlterTable at,
                                             AlterAction.DropColumn dc) {
        String table = at.table().qualified();
        dev.redline.core.schema.TableInfo info = ctx.table(at.table());
        dev.redline.core.schema.ColumnInfo old = info == null ? null : info.column(dc.column());
        for (AlterAction a : at.actions()) { // added earlier in this same statement
            if (a == dc) {
                break;
            }
            if (a instanceof AlterAction.AddColumn ac
                    && LikelyRename.of(dc.column(), old == null ? null : old.type(), ac.column().name(),
                    ac.column().type())) {
                report(sink, table, dc, ac.column().name(), ctx.statement().line());
                return;
            }
        }
        for (MigrationState.ColumnEvent added : ctx.state().addedColumns(table)) {
            boolean copied = ctx.state().lastUpdateLine(table) > added.line();
            if (!copied && LikelyRename.of(dc.column(), old == null ? null : old.type(), added.column(),
                    added.type())) {
                report(sink, table, dc, added.column(), added.line());
                return;
            }
        }
    }

    private static void report(FindingSink sink, String table, AlterAction.DropColumn dc, String added, int line) {
        sink.report(INFO, dc.span(), table + "." + dc.column(), "Looks like a rename of " + table + "." + dc.column()
                + " to " + added + " done as ADD (line " + line + ") + DROP with no UPDATE copying the values: every "
                + dc.column() + " value is lost.");
    }

    /** Columns of the table dropped earlier in this migration, and earlier in this statement. */
    private static java.util.List<MigrationState.ColumnEvent> droppedColumnsSoFar(StatementContext ctx,
                                                                                ParsedStatement.AlterTable at,
                                                                                AlterAction upTo) {
        java.util.List<MigrationState.ColumnEvent> out = new java.util.ArrayList<>(
                ctx.state().droppedColumns(at.table().qualified()));
        dev.redline.core.schema.TableInfo info = ctx.table(at.table());
        for (AlterAction a : at.actions()) {
            if (a == upTo) {
                break;
            }
            if (a instanceof AlterAction.DropColumn dc) {
                dev.redline.core.schema.ColumnInfo old = info == null ? null : info.column(dc.column());
                out.add(new MigrationState.ColumnEvent(dc.column(), old == null ? null : old.type(),
                        ctx.statement().line()));
            }
        }
        return out;
    }

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
                    renamedByAddThenDrop(ctx, sink, at, dc);
                } else if (a instanceof AlterAction.AddColumn ac) {
                    renamedByDropThenAdd(ctx, sink, at, ac);
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

package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ParsedStatement;
import java.util.Set;

/**
 * Renames of everything but tables and table columns (which have rules of their own), and tables moved to another
 * schema, so the checklist's "what does it rename" is complete. Objects the application names in its queries
 * (views, types, functions, schemas, moved tables) break the running version; indexes, constraints and triggers
 * rarely do.
 */
public final class RenameObjectRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("rename-object", 4, Severity.INFO,
            "Renames a view, type, function, index, constraint or other object, or moves a table to another schema.",
            "For objects the application names (views, types, functions, schemas), expand and contract: create the "
                    + "new name alongside the old, move the code, and drop the old name in a later release.");

    /** Objects whose names appear in application queries. */
    private static final Set<String> NAMED_BY_APPS = Set.of("VIEW", "MATERIALIZED VIEW", "TYPE", "FUNCTION",
            "PROCEDURE", "ROUTINE", "SCHEMA", "DOMAIN", "FOREIGN TABLE", "AGGREGATE", "SEQUENCE");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.parsed() instanceof ParsedStatement.AlterObject o && o.action().startsWith("RENAME")) {
            String type = o.objectType().toLowerCase(java.util.Locale.ROOT);
            String name = o.name() == null ? "?" : o.name().qualified();
            boolean breaksApps = NAMED_BY_APPS.contains(o.objectType()) || o.action().equals("RENAME VALUE");
            String what = switch (o.action()) {
                case "RENAME COLUMN" -> "a column of " + type + " " + name;
                case "RENAME VALUE" -> "a value of enum type " + name;
                case "RENAME CONSTRAINT" -> "a constraint of " + type + " " + name;
                default -> type + " " + name + (o.newName() == null ? "" : " to " + o.newName());
            };
            sink.report(INFO, breaksApps ? Severity.RISKY : Severity.INFO, o.span(), name, "Renames " + what
                    + (breaksApps ? ": queries of the version still running that name it fail." : "."));
            return;
        }
        if (!(ctx.parsed() instanceof ParsedStatement.AlterTable at) || ctx.isNewTable(at.table())) {
            return;
        }
        for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.SetSchema ss) {
                sink.report(INFO, Severity.RISKY, ss.span(), at.table().qualified(), "Moves table "
                        + at.table().qualified() + " to schema " + ss.schema() + ": queries that name it by its old "
                        + "schema fail, like a rename.");
            } else if (a instanceof AlterAction.RenameConstraint rc) {
                sink.report(INFO, rc.span(), at.table().qualified() + "." + rc.from(), "Renames constraint "
                        + rc.from() + " of " + at.table().qualified() + " to " + rc.to() + ".");
            }
        }
    }
}

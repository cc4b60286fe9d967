package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.ParsedStatement;

/** {@code DROP DATABASE}: the whole database, every table and row. */
public final class DropDatabaseRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("drop-database", 1, Severity.DESTRUCTIVE,
            "Drops a whole database.",
            "Databases are not dropped by migrations. Do it by hand, after a verified backup, if at all.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.parsed() instanceof ParsedStatement.Drop d && d.objectType().equals("DATABASE")) {
            String name = d.names().isEmpty() ? "?" : d.names().get(0).name();
            sink.report(INFO, d.span(), name, "Drops database " + name + ": every table and every row in it.");
        }
    }
}

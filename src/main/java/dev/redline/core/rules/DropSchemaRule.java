package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.parse.QName;

/** {@code DROP SCHEMA}: with CASCADE, every table in it goes too. */
public final class DropSchemaRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("drop-schema", 1, Severity.DESTRUCTIVE,
            "Drops a schema (with CASCADE, every table and row in it).",
            "Drop the objects you mean to drop one by one, after checking each is unused; never CASCADE blindly.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.parsed() instanceof ParsedStatement.Drop d && d.objectType().equals("SCHEMA")) {
            for (QName s : d.names()) {
                if (ctx.state().schemaCreatedHere(s.name())) {
                    sink.report(INFO, Severity.INFO, d.span(), s.name(), "Drops schema " + s.name()
                            + ", which this migration created: no existing data is lost.");
                } else if (!d.cascade()) {
                    sink.report(INFO, Severity.INFO, d.span(), s.name(), "Drops schema " + s.name()
                            + "; without CASCADE PostgreSQL refuses unless it is empty.");
                } else {
                    sink.report(INFO, d.span(), s.name(), "Drops schema " + s.name()
                            + " with CASCADE: every table, view and row in it is deleted.");
                }
            }
        }
    }
}

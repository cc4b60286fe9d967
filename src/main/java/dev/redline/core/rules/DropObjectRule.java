package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.parse.QName;
import java.util.Set;

/**
 * Drops of objects other than tables, schemas, databases and indexes, so the checklist's "what does it drop" is
 * complete. Most hold no rows (information); a sequence's counter, an enum's values, CASCADE and DROP OWNED can lose
 * data or break the application.
 */
public final class DropObjectRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("drop-object", 1, Severity.INFO,
            "Drops a view, function, type, sequence or other object.",
            "Check nothing running still uses it; avoid CASCADE, which silently drops dependent objects.");

    private static final Set<String> COVERED = Set.of("TABLE", "SCHEMA", "DATABASE", "INDEX");
    private static final Set<String> RISKY = Set.of("SEQUENCE", "TYPE", "DOMAIN", "EXTENSION", "OWNED",
            "MATERIALIZED VIEW");
    /** With CASCADE these take every column of the type with them, values and all. */
    private static final Set<String> CASCADE_DROPS_COLUMNS = Set.of("TYPE", "DOMAIN", "EXTENSION");
    /** Objects that live outside any schema: their names are shown bare. */
    private static final Set<String> GLOBAL = Set.of("ROLE", "USER", "GROUP", "EXTENSION", "TABLESPACE", "LANGUAGE",
            "EVENT TRIGGER", "PUBLICATION", "SUBSCRIPTION", "SERVER", "FOREIGN DATA WRAPPER", "ACCESS METHOD", "CAST",
            "TRANSFORM", "USER MAPPING", "PROCEDURAL LANGUAGE");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (!(ctx.parsed() instanceof ParsedStatement.Drop d) || COVERED.contains(d.objectType())) {
            return;
        }
        Severity severity = d.cascade() && CASCADE_DROPS_COLUMNS.contains(d.objectType()) ? Severity.DESTRUCTIVE
                : d.cascade() || RISKY.contains(d.objectType()) ? Severity.RISKY : Severity.INFO;
        if (d.objectType().equals("OWNED")) {
            sink.report(INFO, Severity.DESTRUCTIVE, d.span(), null, "DROP OWNED drops every object the role owns, "
                    + "tables and their rows included.");
            return;
        }
        String type = d.objectType().toLowerCase(java.util.Locale.ROOT);
        for (QName n : d.names()) {
            String name = GLOBAL.contains(d.objectType()) ? n.name() : n.qualified();
            sink.report(INFO, severity, d.span(), name, "Drops " + type + " " + name
                    + (d.cascade() ? " with CASCADE: dependent objects (columns of this type, views…) go too" : "")
                    + ".");
        }
    }
}

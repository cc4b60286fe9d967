package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.ParsedStatement;

/**
 * The shared shape of {@code delete-without-where} and {@code update-without-where}: every UPDATE or DELETE of one
 * verb with no WHERE, top level or in a WITH clause, reported at the rule's severity, or as information when the
 * table was created earlier in the same migration.
 */
final class WholeTableChanges {

    private WholeTableChanges() {
    }

    /**
     * @param effect what it does to the table, e.g. "removes every row of"
     * @param after  words after the table name, e.g. ", overwriting the old values" (may be empty)
     */
    static void report(StatementContext ctx, FindingSink sink, RuleInfo rule, String verb, String effect,
                       String after) {
        if (!(ctx.parsed() instanceof ParsedStatement.Dml dml)) {
            return;
        }
        for (ParsedStatement.DataChange ch : dml.changes()) {
            if (ch.verb().equals(verb) && !ch.hasWhere()) {
                String table = ch.table() == null ? "?" : ch.table().qualified();
                boolean fresh = ctx.isNewTable(ch.table());
                sink.report(rule, fresh ? Severity.INFO : rule.severity(), ch.span(), table,
                        verb + " " + (ch.inCte() ? "in a WITH clause " : "") + "has no WHERE: it " + effect + " "
                                + table + (fresh ? " (created in this migration)" : "") + after + ".");
            }
        }
    }
}

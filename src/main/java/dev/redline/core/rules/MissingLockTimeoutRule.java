package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.parse.QName;

/**
 * The first statement of a migration that needs a strong lock on an existing table, when no {@code lock_timeout}
 * was set before it: while it waits for a long-running query, every other query on the table queues behind it.
 * Reported once per migration.
 */
public final class MissingLockTimeoutRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("missing-lock-timeout", 6, Severity.INFO,
            "Takes a strong lock with no lock_timeout: if it has to wait, all traffic on the table waits behind it.",
            "Start the migration with SET lock_timeout = '5s' (or SET LOCAL inside its transaction) and retry on "
                    + "timeout.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.state().lockTimeoutSet() || ctx.state().lockTimeoutReported()) {
            return;
        }
        QName table = lockedTable(ctx);
        if (table == null || ctx.isNewTable(table)) {
            return;
        }
        ctx.state().markLockTimeoutReported();
        sink.report(INFO, ctx.statementSpan(), table.qualified(), "Locks " + table.qualified()
                + " with no lock_timeout set before it: if another session holds it, every query on "
                + table.qualified() + " queues behind this one.");
    }

    /** The existing table a statement locks in a mode that blocks normal traffic, or {@code null}. */
    static QName lockedTable(StatementContext ctx) {
        ParsedStatement p = ctx.parsed();
        if (p instanceof ParsedStatement.AlterTable at) {
            boolean onlyWeak = at.actions().stream().allMatch(a -> a instanceof AlterAction.ValidateConstraint
                    || a instanceof AlterAction.Harmless);
            return onlyWeak ? null : at.table();
        }
        if (p instanceof ParsedStatement.Drop d && !d.names().isEmpty()) {
            if (d.objectType().equals("TABLE")) {
                return d.names().get(0);
            }
            if (d.objectType().equals("INDEX") && !d.concurrently()) {
                QName t = ctx.schema().tableOfIndex(d.names().get(0));
                return t != null ? t : d.names().get(0);
            }
        }
        if (p instanceof ParsedStatement.CreateIndex ci && !ci.concurrently()) {
            return ci.table();
        }
        if (p instanceof ParsedStatement.Truncate t) {
            return t.tables().get(0);
        }
        if (p instanceof ParsedStatement.Lock l && !l.tables().isEmpty()) {
            return l.tables().get(0);
        }
        if (p instanceof ParsedStatement.Cluster c) {
            return c.table();
        }
        if (p instanceof ParsedStatement.Vacuum v && v.full() && !v.tables().isEmpty()) {
            return v.tables().get(0);
        }
        return null;
    }
}

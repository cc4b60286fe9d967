package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ParsedStatement;

/**
 * Statements PostgreSQL refuses inside a transaction block. Where the tool has been told to run the migration
 * outside a transaction (or runs such files that way by itself), the finding is information; otherwise the
 * migration fails, or is applied halfway when a later statement fails.
 */
public final class NonTransactionalRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("non-transactional", 5, Severity.RISKY,
            "Cannot run inside a transaction: if the migration fails after it, it stays half-applied.",
            "Put the statement in a migration of its own, marked to run without a transaction (goose NO "
                    + "TRANSACTION, dbmate transaction:false, Flyway executeInTransaction=false), and make it "
                    + "re-runnable (IF NOT EXISTS / IF EXISTS).");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** The reason a parsed statement cannot run in a transaction block, or {@code null} if it can. */
    public static String reason(ParsedStatement p) {
        if (p instanceof ParsedStatement.CreateIndex ci && ci.concurrently()) {
            return "CREATE INDEX CONCURRENTLY";
        }
        if (p instanceof ParsedStatement.Drop d) {
            if (d.objectType().equals("INDEX") && d.concurrently()) {
                return "DROP INDEX CONCURRENTLY";
            }
            if (d.objectType().equals("DATABASE") || d.objectType().equals("TABLESPACE")
                    || d.objectType().equals("SUBSCRIPTION")) {
                return "DROP " + d.objectType();
            }
        }
        if (p instanceof ParsedStatement.Reindex r && (r.concurrently() || r.target().equals("SCHEMA")
                || r.target().equals("DATABASE") || r.target().equals("SYSTEM"))) {
            return "REINDEX " + (r.concurrently() ? "CONCURRENTLY" : r.target());
        }
        if (p instanceof ParsedStatement.Vacuum) {
            return "VACUUM";
        }
        if (p instanceof ParsedStatement.Cluster c && c.table() == null) {
            return "CLUSTER of every clustered table";
        }
        if (p instanceof ParsedStatement.CreateDatabase) {
            return "CREATE DATABASE";
        }
        if (p instanceof ParsedStatement.NonTransactional nt) {
            return nt.what();
        }
        if (p instanceof ParsedStatement.AlterTable at) {
            for (AlterAction a : at.actions()) {
                if (a instanceof AlterAction.DetachPartition dp && dp.concurrently()) {
                    return "DETACH PARTITION CONCURRENTLY";
                }
            }
        }
        return null;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        String what = reason(ctx.parsed());
        if (what == null) {
            return;
        }
        if (Boolean.FALSE.equals(ctx.sectionInTransaction())) {
            sink.report(INFO, Severity.INFO, ctx.statementSpan(), null, what + " cannot run in a transaction; the "
                    + "migration is marked to run without one, so a failure part-way leaves it half-applied.");
        } else if (ctx.allNonTransactional() && toolDetectsIt(ctx)) {
            sink.report(INFO, Severity.INFO, ctx.statementSpan(), null, what + " cannot run in a transaction; "
                    + ctx.tool().displayName() + " runs a migration holding only such statements without one.");
        } else if (Boolean.TRUE.equals(ctx.sectionInTransaction())) {
            sink.report(INFO, ctx.statementSpan(), null, what + " cannot run inside the transaction "
                    + ctx.tool().displayName() + " wraps this migration in: the migration fails here.");
        } else {
            sink.report(INFO, ctx.statementSpan(), null, what + " cannot run inside a transaction block: if it "
                    + "is sent with other statements it fails, and if a later statement fails the earlier ones stay "
                    + "applied.");
        }
    }

    private static boolean toolDetectsIt(StatementContext ctx) {
        return switch (ctx.tool()) {
            case FLYWAY, PLAIN, SQITCH -> true;
            default -> false;
        };
    }
}

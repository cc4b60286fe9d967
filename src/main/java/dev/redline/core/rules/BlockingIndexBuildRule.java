package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.ParsedStatement;

/** {@code CREATE INDEX} without CONCURRENTLY on a table that already exists: writes wait for the whole build. */
public final class BlockingIndexBuildRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("blocking-index-build", 6, Severity.RISKY,
            "Builds an index without CONCURRENTLY: inserts, updates and deletes on the table wait for the whole "
                    + "build.",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS … in a migration that runs outside a transaction.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (ctx.parsed() instanceof ParsedStatement.CreateIndex ci && !ci.concurrently()
                && !ctx.isNewTable(ci.table())) {
            String table = ci.table().qualified();
            if (ci.only()) {
                sink.report(INFO, Severity.INFO, ci.span(), table, "CREATE INDEX ON ONLY " + table + " creates an "
                        + "invalid index on the partitioned parent alone and builds nothing; build each partition's "
                        + "index CONCURRENTLY and ATTACH it.");
                return;
            }
            sink.report(INFO, ci.span(), table, "CREATE " + (ci.unique() ? "UNIQUE " : "") + "INDEX"
                    + (ci.index() == null ? "" : " " + ci.index().name()) + " on " + table
                    + " holds a SHARE lock for the whole build: every write to " + table + " waits.");
        }
    }
}

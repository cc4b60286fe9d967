package dev.redline.core.analysis;

import dev.redline.core.model.ScriptSection;
import dev.redline.core.model.Tool;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.rules.NonTransactionalRule;
import java.util.List;

/** Whether a migration runs in one transaction, given its tool's semantics and its statements, and why. */
record TransactionMode(Boolean inTransaction, String explanation) {

    static TransactionMode of(Tool tool, List<ScriptSection> sections, List<ParsedStatement> parsed) {
        boolean declaredNo = sections.stream().anyMatch(s -> Boolean.FALSE.equals(s.inTransaction()));
        boolean declaredYes = !sections.isEmpty() && sections.stream().allMatch(s -> Boolean.TRUE.equals(
                s.inTransaction()));
        String nonTx = null;
        boolean commits = false;
        for (ParsedStatement p : parsed) {
            String r = NonTransactionalRule.reason(p);
            if (r != null && nonTx == null) {
                nonTx = r;
            }
            if (p instanceof ParsedStatement.TransactionControl tc && !tc.verb().equals("BEGIN")
                    && !tc.verb().equals("START") && !tc.verb().equals("SAVEPOINT") && !tc.verb().equals("RELEASE")) {
                commits = true;
            }
        }
        if (declaredNo) {
            return new TransactionMode(false, "No: the migration is marked to run without a transaction, so a "
                    + "failure part-way leaves it half-applied.");
        }
        if (!tool.managesTransactions() && wrapped(parsed)) {
            return new TransactionMode(true, "Yes: the script wraps itself in BEGIN … COMMIT.");
        }
        if (commits) {
            return new TransactionMode(false, "No: the migration ends its transaction itself (COMMIT/ROLLBACK "
                    + "inside), so what comes before is kept even if what follows fails.");
        }
        if (tool == Tool.FLYWAY) {
            return nonTx == null
                    ? new TransactionMode(true, "Yes: Flyway runs each migration in one transaction.")
                    : new TransactionMode(false, "No: it contains " + nonTx + ", so Flyway runs it without a "
                    + "transaction (or refuses it when mixed with transactional statements).");
        }
        if (!tool.managesTransactions()) {
            return new TransactionMode(null, "Unknown: a " + tool.displayName() + " script runs however it is "
                    + "invoked; psql commits each statement on its own unless run with --single-transaction.");
        }
        String base = declaredYes || tool != Tool.GOLANG_MIGRATE && tool != Tool.PRISMA
                ? "Yes: " + tool.displayName() + " runs it in one transaction"
                : "Yes: " + tool.displayName() + " sends the file as one multi-statement query, which PostgreSQL "
                + "runs as one implicit transaction";
        if (nonTx != null) {
            return new TransactionMode(true, base + " — and " + nonTx + " cannot run inside one, so the "
                    + "migration fails.");
        }
        return new TransactionMode(true, base + "; if a statement fails, nothing is applied.");
    }

    private static boolean wrapped(List<ParsedStatement> parsed) {
        if (parsed.size() < 2) {
            return false;
        }
        return parsed.get(0) instanceof ParsedStatement.TransactionControl first
                && (first.verb().equals("BEGIN") || first.verb().equals("START"))
                && parsed.get(parsed.size() - 1) instanceof ParsedStatement.TransactionControl last
                && (last.verb().equals("COMMIT") || last.verb().equals("END"));
    }
}

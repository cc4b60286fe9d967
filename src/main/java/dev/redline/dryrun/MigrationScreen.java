package dev.redline.dryrun;

import dev.redline.core.analysis.PreparedMigration;
import dev.redline.core.model.MigrationScript;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.rules.NonTransactionalRule;
import dev.redline.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides, before anything is sent, what of a migration may run inside the dry-run's transaction: the migration
 * may be refused as a whole (it controls its own transaction, its statements cannot be told apart, it could not be
 * read), and single statements may be skipped (those PostgreSQL refuses inside a transaction, psql meta-commands)
 * or sent with a note. Nothing the screen lets through can commit: PostgreSQL refuses COMMIT inside a procedure or
 * DO block called within a transaction block.
 *
 * @param refusal why the migration is not run at all, or {@code null}
 * @param skips   per statement, why it is not sent, or {@code null} to send it
 * @param notes   per statement, what the reviewer must know about how it ran, or {@code null}
 */
record MigrationScreen(String refusal, List<String> skips, List<String> notes) {

    static final String CALL_NOTE = "CALL runs inside the dry-run's transaction, where PostgreSQL does not let a "
            + "procedure COMMIT or ROLLBACK: one that tries fails here with SQLSTATE 2D000 (outside a transaction, in "
            + "production, it would commit).";

    static MigrationScreen of(PreparedMigration prepared) {
        MigrationScript script = prepared.script();
        if (!script.readable()) {
            String why = script.problems().isEmpty() ? "the file could not be read"
                    : script.problems().get(0).message();
            return new MigrationScreen("not run: " + why, List.of(), List.of());
        }
        List<SqlStatement> statements = prepared.statements();
        List<ParsedStatement> parsed = prepared.parsed();
        for (SqlStatement st : statements) {
            if (st.unbalanced()) {
                return new MigrationScreen("not run: the statement at line " + st.line() + " has an unterminated "
                        + "quote, comment or parenthesis, so where it ends cannot be known; sending it could run "
                        + "more than that statement", List.of(), List.of());
            }
        }
        int first = -1;
        int last = -1;
        for (int i = 0; i < statements.size(); i++) {
            if (!statements.get(i).isPsqlMeta()) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        boolean wrapped = first >= 0 && first != last && isBegin(parsed.get(first)) && isCommit(parsed.get(last));
        List<String> skips = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement st = statements.get(i);
            ParsedStatement p = parsed.get(i);
            String skip = null;
            String note = null;
            if (st.isPsqlMeta()) {
                skip = "psql meta-command: only psql understands it; not sent.";
            } else if (p instanceof ParsedStatement.TransactionControl tc) {
                if (wrapped && (i == first || i == last)) {
                    skip = i == first
                            ? tc.verb() + ": not sent; the dry-run's own transaction stands in for the one the "
                            + "script opens."
                            : tc.verb() + ": not sent; a dry-run never commits, its transaction ends in ROLLBACK.";
                } else {
                    return new MigrationScreen("refused: " + tc.verb() + " at line " + st.line() + " controls the "
                            + "transaction from inside the migration. Sent as written it could commit part of the "
                            + "migration on this database; left out, the dry-run would not show what really happens "
                            + "(everything before a COMMIT stays applied when a later statement fails). Move the "
                            + "work that must commit separately into its own migration.", List.of(), List.of());
                }
            } else if (NonTransactionalRule.reason(p) != null) {
                skip = NonTransactionalRule.reason(p) + " cannot run inside a transaction, and everything in a "
                        + "dry-run runs in one so that it can be rolled back: not run here. A throwaway copy "
                        + "(--throwaway-copy; always on the embedded database) runs the whole migration for real "
                        + "on a CREATE DATABASE … TEMPLATE copy afterwards, once the dry-run's own session is "
                        + "closed: TEMPLATE needs no other session on the source database.";
            } else if (p instanceof ParsedStatement.Call) {
                note = CALL_NOTE;
            }
            skips.add(skip);
            notes.add(note);
        }
        return new MigrationScreen(null, skips, notes);
    }

    private static boolean isBegin(ParsedStatement p) {
        return p instanceof ParsedStatement.TransactionControl tc
                && (tc.verb().equals("BEGIN") || tc.verb().equals("START"));
    }

    private static boolean isCommit(ParsedStatement p) {
        return p instanceof ParsedStatement.TransactionControl tc
                && (tc.verb().equals("COMMIT") || tc.verb().equals("END"));
    }
}

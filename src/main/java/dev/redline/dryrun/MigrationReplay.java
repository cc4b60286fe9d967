package dev.redline.dryrun;

import dev.redline.core.analysis.PreparedMigration;
import dev.redline.core.sql.SqlStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies migrations for real, to build on a scratch database the schema (and data) the dry-run migrations expect.
 * Only ever pointed at the embedded server Redline started itself: it commits.
 *
 * <p>Each statement is sent as written (Flyway placeholders replaced), in autocommit, so statements that cannot run
 * in a transaction ({@code CREATE INDEX CONCURRENTLY}) run too; psql meta-commands are skipped. A role a statement
 * names that does not exist on the scratch server ({@code GRANT … TO app_reader}) is created ({@code NOLOGIN}) and
 * the statement retried: roles are cluster-wide, the migrations never create them. Session settings a migration
 * makes ({@code SET search_path}) are reset after it, as a fresh connection per run of the tool would.
 */
public final class MigrationReplay {

    private static final Pattern MISSING_ROLE = Pattern.compile("role \"([^\"]+)\" does not exist");

    /** Called before each migration is applied. */
    public interface Listener {
        void replaying(int index, int total, PlannedMigration migration);
    }

    /** A migration could not be applied; the message names the file, the line and the server's error. */
    public static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        public Failed(String message) {
            super(message);
        }
    }

    /**
     * What the replay did.
     *
     * @param statements   statements sent
     * @param createdRoles roles created because a migration named them
     * @param notes        what else the user must know (skipped psql meta-commands)
     */
    public record Result(List<String> migrations, int statements, List<String> createdRoles, List<String> notes) {
        public Result {
            migrations = List.copyOf(migrations);
            createdRoles = List.copyOf(createdRoles);
            notes = List.copyOf(notes);
        }
    }

    private MigrationReplay() {
    }

    public static Result apply(Connection c, List<PlannedMigration> migrations, Listener listener,
                               Cancellation cancellation) throws Failed, Cancelled, SQLException {
        c.setAutoCommit(true);
        String user;
        String database;
        String schema;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_user, current_database(), current_schema()")) {
            rs.next();
            user = rs.getString(1);
            database = rs.getString(2);
            schema = rs.getString(3);
        }
        List<String> applied = new ArrayList<>();
        Set<String> roles = new LinkedHashSet<>();
        List<String> notes = new ArrayList<>();
        int sent = 0;
        for (int i = 0; i < migrations.size(); i++) {
            PlannedMigration m = migrations.get(i);
            if (cancellation.isCancelled()) {
                throw new Cancelled("cancelled while replaying the migrations before the dry-run");
            }
            listener.replaying(i, migrations.size(), m);
            PreparedMigration prepared = m.prepared();
            if (!prepared.script().readable()) {
                String why = prepared.script().problems().isEmpty() ? "it could not be read"
                        : prepared.script().problems().get(0).message();
                throw new Failed("cannot replay " + m.path() + ": " + why);
            }
            String text = prepared.script().source().text();
            Placeholders placeholders = Placeholders.forScript(prepared.script(), user, database, schema);
            String missing = placeholders.unresolved(text);
            if (missing != null) {
                throw new Failed("cannot replay " + m.path() + ": Flyway placeholder " + missing + " has no value");
            }
            UnaryOperator<String> substitute = placeholders.substitution();
            int meta = 0;
            for (SqlStatement st : prepared.statements()) {
                if (st.isPsqlMeta()) {
                    meta++;
                    continue;
                }
                if (st.unbalanced()) {
                    throw new Failed("cannot replay " + m.path() + ": the statement at line " + st.line()
                            + " has an unterminated quote, comment or parenthesis");
                }
                if (cancellation.isCancelled()) {
                    throw new Cancelled("cancelled while replaying " + m.path());
                }
                String sql = substitute.apply(st.text(prepared.script().source()));
                execute(c, sql, m, st, roles, cancellation);
                sent++;
            }
            if (meta > 0) {
                notes.add(m.path() + ": " + meta + " psql meta-command(s) skipped");
            }
            try (Statement s = c.createStatement()) {
                s.execute("RESET ALL");
            }
            applied.add(m.path());
        }
        return new Result(applied, sent, List.copyOf(roles), notes);
    }

    @SuppressWarnings("try") // the registration is closed, not used
    private static void execute(Connection c, String sql, PlannedMigration m, SqlStatement st, Set<String> roles,
                                Cancellation cancellation) throws Failed, Cancelled, SQLException {
        for (int attempt = 0; ; attempt++) {
            try (Statement s = c.createStatement();
                 Cancellation.Registration r = cancellation.onCancel(() -> cancel(s))) {
                s.setEscapeProcessing(false);
                s.execute(sql);
                return;
            } catch (SQLException e) {
                if (cancellation.isCancelled()) {
                    throw new Cancelled("cancelled while replaying " + m.path());
                }
                Matcher role = MISSING_ROLE.matcher(String.valueOf(e.getMessage()));
                if ("42704".equals(e.getSQLState()) && role.find() && attempt < 8 && roles.add(role.group(1))) {
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE ROLE " + ValueChangeProbe.quote(role.group(1)) + " NOLOGIN");
                    }
                    continue;
                }
                if (c.isClosed() || "08006".equals(e.getSQLState()) || "57P01".equals(e.getSQLState())) {
                    throw e;
                }
                throw new Failed("replaying " + m.path() + " failed at line " + st.line() + ": "
                        + (e.getSQLState() == null ? "" : e.getSQLState() + " ") + e.getMessage()
                        + " — the migrations before the dry-run must apply cleanly to an empty database");
            }
        }
    }

    private static void cancel(Statement s) {
        try {
            s.cancel();
        } catch (SQLException ignored) {
            // the statement ended meanwhile
        }
    }
}

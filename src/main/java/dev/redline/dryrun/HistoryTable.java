package dev.redline.dryrun;

import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationScript;
import dev.redline.core.model.Tool;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How one migration tool records on the database what it has applied, and how to match a migration file to that
 * record. One implementation per tool; {@link #all()} lists them.
 */
public interface HistoryTable {

    Tool tool();

    /** The history on the target, or empty when this tool's table is not there. */
    Optional<History> read(Connection c) throws SQLException;

    /** The key under which the tool records {@code m} as applied (a normalised version, a folder name, …). */
    String keyOf(Migration m);

    /** The tool's checksum of the file as it is now, comparable to {@link History.Applied#checksum()}, or null. */
    default String checksumOf(MigrationScript script) {
        return null;
    }

    /** Orders keys as the tool orders migrations, to tell which pending ones are older than the newest applied. */
    default Comparator<String> order() {
        return VersionOrder.NUMERIC;
    }

    /** Whether a pending migration older than an applied one is worth calling out (not for plan-ordered Sqitch). */
    default boolean ordersByVersion() {
        return true;
    }

    static List<HistoryTable> all() {
        return List.of(new FlywayHistory(), new GolangMigrateHistory(), SchemaMigrationsHistory.dbmate(),
                new GooseHistory(), new PrismaHistory(), SchemaMigrationsHistory.supabase(), new DieselHistory(),
                new SqitchHistory());
    }

    static HistoryTable forTool(Tool tool) {
        return all().stream().filter(h -> h.tool() == tool).findFirst().orElse(null);
    }

    /**
     * The schema-qualified name of {@code table} if it exists (in {@code schema}, or else in the first schema of the
     * search path that has it, or else in any schema), quoted for use in SQL; {@code null} when there is none.
     */
    static String locate(Connection c, String schema, String table) throws SQLException {
        String sql = "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.relname = ? AND c.relkind IN ('r', 'p', 'v') AND (?::text IS NULL OR n.nspname = ?) "
                + "ORDER BY array_position(current_schemas(false), n.nspname::text) NULLS LAST, n.nspname LIMIT 1";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            ps.setString(2, schema);
            ps.setString(3, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Whether {@code qualifiedTable} has a column named {@code column}. */
    static boolean hasColumn(Connection c, String qualifiedTable, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM pg_attribute WHERE attrelid = ?::regclass AND attname = ? AND NOT attisdropped")) {
            ps.setString(1, qualifiedTable);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}

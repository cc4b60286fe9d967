package dev.redline.dryrun;

import dev.redline.core.model.Migration;
import dev.redline.core.model.Tool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code schema_migrations} table of one row per applied version (no dirty flag, no checksum), as dbmate and
 * Supabase keep it. The two differ only in where the table lives and in what tells it apart from another tool's
 * table of the same name, so one reader serves both: see {@link #dbmate()} and {@link #supabase()}.
 */
final class SchemaMigrationsHistory implements HistoryTable {

    private final Tool tool;
    private final String schema;
    private final String foreignColumn;

    /**
     * @param schema        the schema the table must be in, or {@code null} for the search path's (see
     *                      {@link HistoryTable#locate})
     * @param foreignColumn a column whose presence means the table is another tool's, or {@code null} for none
     */
    private SchemaMigrationsHistory(Tool tool, String schema, String foreignColumn) {
        this.tool = tool;
        this.schema = schema;
        this.foreignColumn = foreignColumn;
    }

    /** dbmate's {@code schema_migrations}; one with a {@code dirty} column is golang-migrate's instead. */
    static SchemaMigrationsHistory dbmate() {
        return new SchemaMigrationsHistory(Tool.DBMATE, null, "dirty");
    }

    /** Supabase's {@code supabase_migrations.schema_migrations}, keyed by the file name's timestamp prefix. */
    static SchemaMigrationsHistory supabase() {
        return new SchemaMigrationsHistory(Tool.SUPABASE, "supabase_migrations", null);
    }

    @Override
    public Tool tool() {
        return tool;
    }

    @Override
    public Optional<History> read(Connection c) throws SQLException {
        String table = HistoryTable.locate(c, schema, "schema_migrations");
        if (table == null || (foreignColumn != null && HistoryTable.hasColumn(c, table, foreignColumn))) {
            return Optional.empty();
        }
        List<History.Applied> applied = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM " + table + " ORDER BY version")) {
            while (rs.next()) {
                applied.add(new History.Applied(rs.getString(1), null));
            }
        }
        return Optional.of(new History(tool, table, applied, List.of()));
    }

    @Override
    public String keyOf(Migration m) {
        return m.version() == null ? m.fileName() : m.version();
    }
}

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
 * golang-migrate's {@code schema_migrations}: a single row with the current version and a {@code dirty} flag (set
 * when a migration failed half-way). Every version up to the current one counts as applied. Told apart from
 * dbmate's table of the same name by its {@code dirty} column.
 */
final class GolangMigrateHistory implements HistoryTable {

    @Override
    public Tool tool() {
        return Tool.GOLANG_MIGRATE;
    }

    @Override
    public Optional<History> read(Connection c) throws SQLException {
        String table = HistoryTable.locate(c, null, "schema_migrations");
        if (table == null || !HistoryTable.hasColumn(c, table, "dirty")) {
            return Optional.empty();
        }
        List<History.Applied> applied = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, dirty FROM " + table + " LIMIT 1")) {
            if (rs.next()) {
                String version = rs.getString(1);
                applied.add(new History.Applied("<=" + version, null));
                if (rs.getBoolean(2)) {
                    notes.add("the database is dirty at version " + version + ": that migration failed part-way, "
                            + "and golang-migrate refuses to migrate until it is fixed by hand and forced");
                }
            }
        }
        return Optional.of(new History(tool(), table, applied, notes));
    }

    @Override
    public String keyOf(Migration m) {
        return m.version() == null ? m.fileName() : VersionOrder.digits(m.version());
    }
}

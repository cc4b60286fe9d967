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

/** dbmate's {@code schema_migrations}: one row per applied version (no dirty flag, no checksum). */
final class DbmateHistory implements HistoryTable {

    @Override
    public Tool tool() {
        return Tool.DBMATE;
    }

    @Override
    public Optional<History> read(Connection c) throws SQLException {
        String table = HistoryTable.locate(c, null, "schema_migrations");
        if (table == null || HistoryTable.hasColumn(c, table, "dirty")) {
            return Optional.empty();
        }
        List<History.Applied> applied = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM " + table + " ORDER BY version")) {
            while (rs.next()) {
                applied.add(new History.Applied(rs.getString(1), null));
            }
        }
        return Optional.of(new History(tool(), table, applied, List.of()));
    }

    @Override
    public String keyOf(Migration m) {
        return m.version() == null ? m.fileName() : m.version();
    }
}

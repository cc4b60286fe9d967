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
 * goose's {@code goose_db_version}: a log of ups and downs; a version is applied when its latest row says
 * {@code is_applied}. Version 0 is goose's own first row.
 */
final class GooseHistory implements HistoryTable {

    @Override
    public Tool tool() {
        return Tool.GOOSE;
    }

    @Override
    public Optional<History> read(Connection c) throws SQLException {
        String table = HistoryTable.locate(c, null, "goose_db_version");
        if (table == null) {
            return Optional.empty();
        }
        List<History.Applied> applied = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT ON (version_id) version_id, is_applied FROM " + table
                     + " ORDER BY version_id, id DESC")) {
            while (rs.next()) {
                if (rs.getBoolean(2) && rs.getLong(1) != 0) {
                    applied.add(new History.Applied(Long.toString(rs.getLong(1)), null));
                }
            }
        }
        return Optional.of(new History(tool(), table, applied, List.of()));
    }

    @Override
    public String keyOf(Migration m) {
        return m.version() == null ? m.fileName() : VersionOrder.digits(m.version()).replaceFirst("^0+(?=.)", "");
    }
}

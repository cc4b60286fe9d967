package dev.redline.dryrun;

import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationScript;
import dev.redline.core.model.Tool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flyway's {@code flyway_schema_history}: one row per run, with the version (null for repeatable scripts), the
 * checksum ({@link FlywayChecksum}) and whether it succeeded. A {@code BASELINE} row marks every version up to it as
 * applied. Repeatable scripts are keyed {@code R:<description>} and count as applied only while their checksum is
 * the one last recorded (Flyway re-runs them when it changes).
 */
final class FlywayHistory implements HistoryTable {

    @Override
    public Tool tool() {
        return Tool.FLYWAY;
    }

    @Override
    public Optional<History> read(Connection c) throws SQLException {
        String table = HistoryTable.locate(c, null, "flyway_schema_history");
        if (table == null) {
            return Optional.empty();
        }
        List<History.Applied> applied = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String baseline = null;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, description, type, checksum, success FROM " + table
                     + " ORDER BY installed_rank")) {
            while (rs.next()) {
                String version = rs.getString(1);
                String description = rs.getString(2);
                String type = rs.getString(3);
                Integer checksum = (Integer) rs.getObject(4);
                boolean success = rs.getBoolean(5);
                if ("BASELINE".equals(type) || "SCHEMA".equals(type)) {
                    if ("BASELINE".equals(type) && version != null) {
                        baseline = VersionOrder.normalizeDotted(version);
                        notes.add("baselined at version " + version + ": migrations up to it count as applied");
                    }
                    continue;
                }
                if ("DELETE".equals(type)) {
                    String key = version == null ? "R:" + description : VersionOrder.normalizeDotted(version);
                    applied.removeIf(a -> a.key().equals(key));
                    continue;
                }
                if (!success) {
                    notes.add("version " + (version == null ? description : version) + " is recorded as failed: "
                            + "flyway migrate refuses to run until it is repaired");
                    continue;
                }
                String key = version == null ? "R:" + description : VersionOrder.normalizeDotted(version);
                applied.removeIf(a -> a.key().equals(key) && key.startsWith("R:"));
                applied.add(new History.Applied(key, checksum == null ? null : checksum.toString()));
            }
        }
        if (baseline != null) {
            applied.add(new History.Applied("<=" + baseline, null));
        }
        return Optional.of(new History(tool(), table, applied, notes));
    }

    @Override
    public String keyOf(Migration m) {
        return m.version() == null ? "R:" + m.description().replace('_', ' ')
                : VersionOrder.normalizeDotted(m.version());
    }

    @Override
    public String checksumOf(MigrationScript script) {
        return script.readable() ? Integer.toString(FlywayChecksum.of(script.source().text())) : null;
    }
}

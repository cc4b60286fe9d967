package dev.redline.dryrun;

import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationScript;
import dev.redline.core.model.Tool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Prisma's {@code _prisma_migrations}: one row per migration folder, with the SHA-256 of its
 * {@code migration.sql}. A row with no {@code finished_at} and no {@code rolled_back_at} is a failed migration,
 * which makes {@code prisma migrate deploy} stop until it is resolved.
 */
final class PrismaHistory implements HistoryTable {

    @Override
    public Tool tool() {
        return Tool.PRISMA;
    }

    @Override
    public Optional<History> read(Connection c) throws SQLException {
        String table = HistoryTable.locate(c, null, "_prisma_migrations");
        if (table == null) {
            return Optional.empty();
        }
        List<History.Applied> applied = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT migration_name, checksum, finished_at IS NOT NULL, "
                     + "rolled_back_at IS NOT NULL FROM " + table + " ORDER BY started_at")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (rs.getBoolean(4)) {
                    applied.removeIf(a -> a.key().equals(name));
                } else if (rs.getBoolean(3)) {
                    applied.add(new History.Applied(name, rs.getString(2)));
                } else {
                    notes.add(name + " is recorded as failed: prisma migrate deploy stops until it is resolved "
                            + "(prisma migrate resolve)");
                }
            }
        }
        return Optional.of(new History(tool(), table, applied, notes));
    }

    @Override
    public String keyOf(Migration m) {
        return m.file().getParent().getFileName().toString();
    }

    @Override
    public String checksumOf(MigrationScript script) {
        return script.sha256();
    }

    @Override
    public Comparator<String> order() {
        return Comparator.naturalOrder();
    }
}

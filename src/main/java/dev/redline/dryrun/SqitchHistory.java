package dev.redline.dryrun;

import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationScript;
import dev.redline.core.model.Tool;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Sqitch's registry, {@code sqitch.changes}: one row per deployed change, with the SHA-1 of its deploy script.
 * Sqitch deploys in plan order, so "out of order" does not apply.
 */
final class SqitchHistory implements HistoryTable {

    @Override
    public Tool tool() {
        return Tool.SQITCH;
    }

    @Override
    public Optional<History> read(Connection c) throws SQLException {
        String table = HistoryTable.locate(c, "sqitch", "changes");
        if (table == null) {
            return Optional.empty();
        }
        List<History.Applied> applied = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT change, script_hash FROM " + table + " ORDER BY committed_at")) {
            while (rs.next()) {
                applied.add(new History.Applied(rs.getString(1), rs.getString(2)));
            }
        }
        return Optional.of(new History(tool(), table, applied, List.of()));
    }

    @Override
    public String keyOf(Migration m) {
        return m.description();
    }

    @Override
    public String checksumOf(MigrationScript script) {
        if (!script.readable()) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(script.source().text().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    @Override
    public boolean ordersByVersion() {
        return false;
    }
}

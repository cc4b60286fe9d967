package dev.redline.dryrun;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Exact row counts ({@code count(*)}, not the planner's estimate) of the tables a migration touches. */
final class RowCounter {

    private RowCounter() {
    }

    /**
     * Resolves names as the server would (search path, case) and returns the qualified name of each that is an
     * existing table, in the order given. {@code candidates} are SQL names, already quoted.
     */
    static List<String> existing(Connection c, List<String> candidates) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.oid = to_regclass(?) AND c.relkind IN ('r', 'p', 'm')")) {
            for (String name : candidates) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && !out.contains(rs.getString(1))) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    /** Every table in the database's own schemas (for migrations whose targets cannot be read off the SQL). */
    static List<String> allTables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) "
                     + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                     + "WHERE c.relkind IN ('r', 'p') AND " + SchemaSnapshot.USER_SCHEMAS + " ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Counts each table that exists now; tables that do not exist are left out of the map. */
    static Map<String, Long> count(Connection c, List<String> qualifiedTables) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String table : existing(c, qualifiedTables)) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                out.put(table, rs.getLong(1));
            }
        }
        return out;
    }
}

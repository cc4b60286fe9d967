package dev.redline.dryrun;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shape of every user table at one moment, keyed by catalog identity (table OID, column number, constraint and
 * index OID) so that a rename shows as a rename, not as a drop and a create. Read inside the dry-run's transaction,
 * so it sees what the migration has done so far.
 */
record SchemaSnapshot(Map<Long, Table> tables, Map<Long, TableObject> constraints, Map<Long, TableObject> indexes) {

    record Table(long oid, String name, Map<Integer, Column> columns) {
    }

    record Column(int number, String name, String type, boolean notNull, String defaultExpression) {
    }

    /** A constraint or an index: the OID of the table it is on, its name and its definition as the server prints it. */
    record TableObject(long oid, long table, String name, String definition) {
    }

    /** Schemas that are PostgreSQL's own, never the migration's. */
    static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
            + "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";

    static SchemaSnapshot take(Connection c) throws SQLException {
        Map<Long, Table> tables = new LinkedHashMap<>();
        Map<Long, TableObject> constraints = new LinkedHashMap<>();
        Map<Long, TableObject> indexes = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname) "
                    + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE c.relkind IN ('r', 'p') AND " + USER_SCHEMAS)) {
                while (rs.next()) {
                    tables.put(rs.getLong(1), new Table(rs.getLong(1), rs.getString(2), new LinkedHashMap<>()));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT a.attrelid, a.attnum, a.attname, "
                    + "format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid) "
                    + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                    + "WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND " + USER_SCHEMAS
                    + " ORDER BY a.attrelid, a.attnum")) {
                while (rs.next()) {
                    Table t = tables.get(rs.getLong(1));
                    if (t != null) {
                        t.columns().put(rs.getInt(2), new Column(rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getBoolean(5), rs.getString(6)));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT k.oid, k.conrelid, k.conname, pg_get_constraintdef(k.oid) "
                    + "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE k.conrelid <> 0 AND " + USER_SCHEMAS)) {
                while (rs.next()) {
                    constraints.put(rs.getLong(1), new TableObject(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT i.indexrelid, i.indrelid, ic.relname, "
                    + "pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
                    + "JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE " + USER_SCHEMAS)) {
                while (rs.next()) {
                    indexes.put(rs.getLong(1), new TableObject(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4)));
                }
            }
        }
        return new SchemaSnapshot(tables, constraints, indexes);
    }
}

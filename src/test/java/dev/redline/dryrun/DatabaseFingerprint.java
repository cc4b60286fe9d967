package dev.redline.dryrun;

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
import java.util.Map;
import java.util.TreeMap;

/**
 * A canonical dump of a database, taken in Java so that it does not depend on a pg_dump matching the server's
 * version: every user table's rows (each row as text, sorted), the schema (relations, columns with types, nullability
 * and defaults, constraints, indexes, views, functions and procedures, triggers, sequences' definitions) and, in a
 * section of their own, the sequences' current values. Two fingerprints are equal when the databases hold the same
 * things; {@link #differences} names the sections that differ.
 */
public record DatabaseFingerprint(Map<String, String> sections) {

    static final String SEQUENCE_VALUES = "sequence values";

    private static final String USER = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
            + "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";

    public static DatabaseFingerprint of(String database) throws SQLException {
        try (Connection c = TestServer.connect(database)) {
            return of(c);
        }
    }

    public static DatabaseFingerprint of(Connection c) throws SQLException {
        Map<String, String> sections = new TreeMap<>();
        sections.put("relations", rows(c, "SELECT format('%s.%s %s %s', n.nspname, c.relname, c.relkind, "
                + "c.relpersistence) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER));
        sections.put("columns", rows(c, "SELECT n.nspname || '.' || c.relname || '.' || a.attname || ' ' || a.attnum "
                + "|| ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' ' "
                + "|| coalesce(pg_get_expr(d.adbin, d.adrelid), '-') FROM pg_attribute a "
                + "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "WHERE a.attnum > 0 AND NOT a.attisdropped AND " + USER));
        sections.put("constraints", rows(c, "SELECT n.nspname || '.' || c.relname || ' ' || k.conname || ' ' "
                + "|| pg_get_constraintdef(k.oid) || ' ' || k.convalidated FROM pg_constraint k "
                + "JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER));
        sections.put("indexes", rows(c, "SELECT pg_get_indexdef(i.indexrelid) || ' ' || i.indisvalid FROM pg_index i "
                + "JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER));
        sections.put("views", rows(c, "SELECT n.nspname || '.' || c.relname || ' ' || pg_get_viewdef(c.oid) "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND "
                + USER));
        sections.put("routines", rows(c, "SELECT pg_get_functiondef(p.oid) FROM pg_proc p "
                + "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind IN ('f', 'p') AND " + USER));
        sections.put("triggers", rows(c, "SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t "
                + "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE NOT t.tgisinternal AND " + USER));
        sections.put("types", rows(c, "SELECT format('%s.%s %s ', n.nspname, t.typname, t.typtype) "
                + "|| coalesce((SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e "
                + "WHERE e.enumtypid = t.oid), '') FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                + "WHERE t.typtype IN ('e', 'd', 'c') AND " + USER));
        sections.put("sequences", rows(c, "SELECT schemaname || '.' || sequencename || ' ' || data_type || ' ' "
                + "|| start_value || ' ' || increment_by FROM pg_sequences"));
        sections.put(SEQUENCE_VALUES, rows(c, "SELECT schemaname || '.' || sequencename || ' ' "
                + "|| coalesce(last_value::text, 'unused') FROM pg_sequences"));
        for (String table : tables(c)) {
            sections.put("rows of " + table, digest(rows(c, "SELECT r::text FROM " + table + " r")));
        }
        return new DatabaseFingerprint(sections);
    }

    /** The names of the sections that differ, with both values when they are short. */
    public List<String> differences(DatabaseFingerprint other) {
        List<String> out = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(union(other))) {
            String a = sections.get(key);
            String b = other.sections.get(key);
            if (a == null || !a.equals(b)) {
                out.add(key + ": " + abbreviate(a) + " ≠ " + abbreviate(b));
            }
        }
        return out;
    }

    /** The same fingerprint without the sequences' current values (which nextval() advances for good). */
    public DatabaseFingerprint withoutSequenceValues() {
        Map<String, String> copy = new TreeMap<>(sections);
        copy.remove(SEQUENCE_VALUES);
        return new DatabaseFingerprint(copy);
    }

    private java.util.Set<String> union(DatabaseFingerprint other) {
        java.util.Set<String> keys = new java.util.HashSet<>(sections.keySet());
        keys.addAll(other.sections.keySet());
        return keys;
    }

    private static String abbreviate(String s) {
        return s == null ? "(none)" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) "
                     + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                     + "WHERE c.relkind IN ('r', 'p', 'm') AND " + USER + " ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Every row of the query, sorted, one per line. */
    private static String rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(String.valueOf(rs.getString(1)));
            }
        }
        out.sort(null);
        return String.join("\n", out);
    }

    private static String digest(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return text.split("\n", -1).length + " rows, sha256 "
                    + HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

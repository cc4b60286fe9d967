package dev.redline.ui.editor;

import java.util.Locale;
import java.util.Set;

/**
 * The words the editor colours as keywords: PostgreSQL's reserved words and the non-reserved ones that open or
 * shape DDL and DML. Identifiers that happen to be keywords elsewhere ({@code name}, {@code value}) are left out,
 * since they are far more often column names in migrations.
 */
final class SqlKeywords {

    private static final Set<String> WORDS = Set.of(
            "ADD", "AFTER", "ALL", "ALTER", "ALWAYS", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC", "ATTACH",
            "AUTHORIZATION", "BEFORE", "BEGIN", "BETWEEN", "BIGINT", "BIGSERIAL", "BOOLEAN", "BOTH", "BY", "CALL",
            "CASCADE", "CASE", "CAST", "CHAR", "CHARACTER", "CHECK", "CLUSTER", "COLLATE", "COLUMN", "COMMENT",
            "COMMIT", "CONCURRENTLY", "CONFLICT", "CONSTRAINT", "COPY", "CREATE", "CROSS", "CURRENT_DATE",
            "CURRENT_TIMESTAMP", "CURRENT_USER", "DATABASE", "DATE", "DECIMAL", "DECLARE", "DEFAULT", "DEFERRABLE",
            "DEFERRED", "DELETE", "DESC", "DETACH", "DISABLE", "DISTINCT", "DO", "DOMAIN", "DOUBLE", "DROP", "EACH",
            "ELSE", "ELSIF", "ENABLE", "END", "ENUM", "EXCEPTION", "EXCLUDE", "EXECUTE", "EXISTS", "EXTENSION",
            "FALSE", "FETCH", "FOR", "FOREIGN", "FROM", "FULL", "FUNCTION", "GENERATED", "GRANT", "GROUP", "HAVING",
            "IDENTITY", "IF", "IMMUTABLE", "IN", "INCLUDE", "INDEX", "INHERITS", "INITIALLY", "INNER", "INSERT",
            "INT", "INTEGER", "INTERVAL", "INTO", "IS", "JOIN", "JSON", "JSONB", "KEY", "LANGUAGE", "LATERAL",
            "LEADING", "LEFT", "LIKE", "LIMIT", "LOCAL", "LOCK", "LOOP", "MATERIALIZED", "MODE", "NEW", "NO", "NOT",
            "NOTHING", "NOWAIT", "NULL", "NUMERIC", "OF", "OFF", "OFFSET", "OLD", "ON", "ONLY", "OR", "ORDER",
            "OUTER", "OWNED", "OWNER", "PARTITION", "PERFORM", "PLPGSQL", "POLICY", "PRECISION", "PRIMARY",
            "PROCEDURE", "PUBLICATION", "RAISE", "REAL", "REFERENCES", "REFRESH", "REINDEX", "RELEASE", "RENAME",
            "REPLACE", "RESET", "RESTRICT", "RETURN", "RETURNING", "RETURNS", "REVOKE", "RIGHT", "ROLE", "ROLLBACK",
            "ROW", "ROWS", "RULE", "SAVEPOINT", "SCHEMA", "SECURITY", "SELECT", "SEQUENCE", "SERIAL", "SESSION",
            "SET", "SETOF", "SHARE", "SMALLINT", "SOME", "STABLE", "START", "STATEMENT", "STORED", "STRICT",
            "TABLE", "TABLESPACE", "TEMP", "TEMPORARY", "TEXT", "THEN", "TIME", "TIMESTAMP", "TIMESTAMPTZ", "TO",
            "TRAILING", "TRANSACTION", "TRIGGER", "TRUE", "TRUNCATE", "TYPE", "UNION", "UNIQUE", "UNLOGGED",
            "UPDATE", "USING", "UUID", "VACUUM", "VALID", "VALIDATE", "VALUES", "VARCHAR", "VARYING", "VIEW",
            "VOLATILE", "WHEN", "WHERE", "WHILE", "WINDOW", "WITH", "WITHOUT", "WORK", "ZONE");

    private SqlKeywords() {
    }

    static boolean isKeyword(CharSequence text, int start, int end) {
        int length = end - start;
        if (length < 2 || length > 17) {
            return false;
        }
        return WORDS.contains(text.subSequence(start, end).toString().toUpperCase(Locale.ROOT));
    }
}

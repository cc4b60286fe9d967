package dev.redline.core.schema;

import dev.redline.core.parse.QName;
import java.util.LinkedHashMap;
import java.util.Map;

/** A table as the replayed migrations left it. Mutable, owned by one {@link SchemaModel}. */
public final class TableInfo {

    private QName name;
    private final Map<String, ColumnInfo> columns = new LinkedHashMap<>();
    /** CHECK (col IS NOT NULL) constraints by name → column; valid ones let PG 12+ skip SET NOT NULL's scan. */
    private final Map<String, String> validNotNullChecks = new LinkedHashMap<>();
    private final Map<String, String> pendingNotNullChecks = new LinkedHashMap<>();

    TableInfo(QName name) {
        this.name = name;
    }

    TableInfo copy() {
        TableInfo t = new TableInfo(name);
        t.columns.putAll(columns);
        t.validNotNullChecks.putAll(validNotNullChecks);
        t.pendingNotNullChecks.putAll(pendingNotNullChecks);
        return t;
    }

    public QName name() {
        return name;
    }

    void rename(QName newName) {
        this.name = newName;
    }

    public ColumnInfo column(String column) {
        return columns.get(column);
    }

    public Map<String, ColumnInfo> columns() {
        return columns;
    }

    /** Whether a validated {@code CHECK (column IS NOT NULL)} already guarantees the column has no NULL. */
    public boolean hasValidNotNullCheck(String column) {
        return validNotNullChecks.containsValue(column);
    }

    void notNullCheckAdded(String name, String column, boolean valid) {
        String key = name == null ? "?" + column : name;
        (valid ? validNotNullChecks : pendingNotNullChecks).put(key, column);
    }

    void constraintValidated(String name) {
        String column = pendingNotNullChecks.remove(name);
        if (column != null) {
            validNotNullChecks.put(name, column);
        }
    }

    void constraintDropped(String name) {
        validNotNullChecks.remove(name);
        pendingNotNullChecks.remove(name);
    }
}

package dev.redline.core.schema;

import dev.redline.core.parse.QName;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A table as the replayed migrations left it. Mutable, owned by one {@link SchemaModel}. */
public final class TableInfo {

    private QName name;
    private final Map<String, ColumnInfo> columns = new LinkedHashMap<>();
    private final Set<String> constraints = new LinkedHashSet<>();

    TableInfo(QName name) {
        this.name = name;
    }

    TableInfo copy() {
        TableInfo t = new TableInfo(name);
        t.columns.putAll(columns);
        t.constraints.addAll(constraints);
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

    public Set<String> constraints() {
        return constraints;
    }
}

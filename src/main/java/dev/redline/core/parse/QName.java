package dev.redline.core.parse;

import java.util.List;
import java.util.Objects;

/**
 * A possibly schema-qualified name, folded the way PostgreSQL folds identifiers (unquoted → lower case).
 * Unqualified names are taken to live in {@code public}, the default search path.
 */
public final class QName {

    public static final String DEFAULT_SCHEMA = "public";

    private final String schema;
    private final String name;
    private final String qualified;

    public QName(String schema, String name) {
        this.schema = schema;
        this.name = name;
        this.qualified = (schema == null ? DEFAULT_SCHEMA : schema) + "." + name;
    }

    public static QName of(List<String> parts) {
        if (parts.isEmpty()) {
            return new QName(null, "?");
        }
        if (parts.size() == 1) {
            return new QName(null, parts.get(0));
        }
        return new QName(parts.get(parts.size() - 2), parts.get(parts.size() - 1));
    }

    public static QName unqualified(String name) {
        return new QName(null, name);
    }

    /** The schema as written, or {@code null} when the name was unqualified. */
    public String schema() {
        return schema;
    }

    public String name() {
        return name;
    }

    /** The name with its schema, defaulting to {@code public}: the key the schema model uses. */
    public String qualified() {
        return qualified;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QName q && Objects.equals(schema, q.schema) && name.equals(q.name);
    }

    @Override
    public int hashCode() {
        return qualified.hashCode();
    }

    @Override
    public String toString() {
        return qualified;
    }
}

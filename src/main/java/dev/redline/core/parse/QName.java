package dev.redline.core.parse;

import java.util.List;

/**
 * A possibly schema-qualified name, folded the way PostgreSQL folds identifiers (unquoted → lower case).
 * Unqualified names are taken to live in {@code public}, the default search path.
 */
public record QName(String schema, String name) {

    public static final String DEFAULT_SCHEMA = "public";

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

    /** The name with its schema, defaulting to {@code public}: the key the schema model uses. */
    public String qualified() {
        return (schema == null ? DEFAULT_SCHEMA : schema) + "." + name;
    }

    @Override
    public String toString() {
        return qualified();
    }
}

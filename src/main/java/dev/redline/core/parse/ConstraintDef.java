package dev.redline.core.parse;

import java.util.List;

/**
 * A table or column constraint.
 *
 * @param name       the constraint's name, or {@code null} when PostgreSQL will generate one
 * @param columns    the constrained columns, when written
 * @param notValid   {@code NOT VALID}: existing rows are not checked now
 * @param usingIndex {@code USING INDEX idx}: an existing unique index is promoted
 * @param references the referenced table of a foreign key
 */
public record ConstraintDef(String name, Kind kind, List<String> columns, boolean notValid, String usingIndex,
                            QName references, Span span) {

    public enum Kind { PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK, EXCLUDE, NOT_NULL, OTHER }
}

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
 * @param notNullCheckColumn for {@code CHECK (col IS NOT NULL)}: the column, which PostgreSQL 12+ then knows holds no
 *                           NULL once the check is valid
 */
public record ConstraintDef(String name, Kind kind, List<String> columns, boolean notValid, String usingIndex,
                            QName references, Span span, String notNullCheckColumn) {

    public ConstraintDef(String name, Kind kind, List<String> columns, boolean notValid, String usingIndex,
                         QName references, Span span) {
        this(name, kind, columns, notValid, usingIndex, references, span, null);
    }

    public enum Kind { PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK, EXCLUDE, NOT_NULL, OTHER }
}

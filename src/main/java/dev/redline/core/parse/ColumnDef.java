package dev.redline.core.parse;

import java.util.List;

/**
 * A column definition from CREATE TABLE or ADD COLUMN, with the facts rules need.
 *
 * @param defaultExpression the DEFAULT expression's text, or {@code null}
 * @param volatileDefault   the default calls a volatile function, so adding the column rewrites the table
 * @param generatedStored   {@code GENERATED ALWAYS AS (…) STORED}: computed for every row, a rewrite
 * @param identity          {@code GENERATED … AS IDENTITY}
 * @param inlineConstraints constraints written in the column definition (PRIMARY KEY, UNIQUE, REFERENCES, CHECK)
 * @param unrecognized      the first word of the definition that is not PostgreSQL (e.g. MySQL's AUTO_INCREMENT),
 *                          or {@code null}
 */
public record ColumnDef(String name, TypeName type, boolean notNull, String defaultExpression,
                        boolean volatileDefault, boolean generatedStored, boolean identity,
                        List<ConstraintDef> inlineConstraints, Span span, String unrecognized) {

    public boolean hasDefault() {
        return defaultExpression != null;
    }

    /** A DEFAULT that gives existing rows a value: anything but an absent default or {@code DEFAULT NULL}. */
    public boolean hasNonNullDefault() {
        if (defaultExpression == null) {
            return false;
        }
        String d = defaultExpression.strip().toUpperCase(java.util.Locale.ROOT);
        return !(d.equals("NULL") || d.startsWith("NULL::") || d.startsWith("NULL ::") || d.startsWith("(NULL)"));
    }

    /** Whether the column gets a value for existing rows without an explicit DEFAULT. */
    public boolean fillsItself() {
        return hasNonNullDefault() || identity || generatedStored || (type != null && type.isSerial());
    }

    public boolean primaryKey() {
        return inlineConstraints.stream().anyMatch(c -> c.kind() == ConstraintDef.Kind.PRIMARY_KEY);
    }
}

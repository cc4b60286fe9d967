package dev.redline.core.schema;

import dev.redline.core.parse.TypeName;

/** What the replayed migrations say about a column. {@code type} is null when it was never declared in them. */
public record ColumnInfo(String name, TypeName type, boolean notNull) {
}

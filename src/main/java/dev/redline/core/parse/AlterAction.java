package dev.redline.core.parse;

/** One action of an {@code ALTER TABLE}; several may be listed, separated by commas. */
public sealed interface AlterAction {

    Span span();

    record AddColumn(ColumnDef column, boolean ifNotExists, Span span) implements AlterAction { }

    record DropColumn(String column, boolean ifExists, boolean cascade, Span span) implements AlterAction { }

    /** {@code ALTER COLUMN c [SET DATA] TYPE t [USING expr]}. */
    record AlterColumnType(String column, TypeName type, String using, Span span) implements AlterAction { }

    record SetNotNull(String column, Span span) implements AlterAction { }

    record DropNotNull(String column, Span span) implements AlterAction { }

    record SetDefault(String column, String expression, boolean volatileDefault, Span span) implements AlterAction { }

    record DropDefault(String column, Span span) implements AlterAction { }

    record AddConstraint(ConstraintDef constraint, Span span) implements AlterAction { }

    record DropConstraint(String name, boolean ifExists, boolean cascade, Span span) implements AlterAction { }

    record ValidateConstraint(String name, Span span) implements AlterAction { }

    record RenameColumn(String from, String to, Span span) implements AlterAction { }

    record RenameTable(String to, Span span) implements AlterAction { }

    record RenameConstraint(String from, String to, Span span) implements AlterAction { }

    record SetSchema(String schema, Span span) implements AlterAction { }

    /** Actions that copy the whole table: SET TABLESPACE, SET LOGGED/UNLOGGED, SET WITHOUT OIDS… */
    record Rewrite(String what, Span span) implements AlterAction { }

    record AttachPartition(QName partition, Span span) implements AlterAction { }

    record DetachPartition(QName partition, boolean concurrently, Span span) implements AlterAction { }

    /** A known action with no data risk (OWNER TO, SET STATISTICS, ENABLE TRIGGER, …). */
    record Harmless(String what, Span span) implements AlterAction { }

    /** An action Redline does not recognise: never treated as safe. */
    record Unknown(String text, Span span) implements AlterAction { }
}

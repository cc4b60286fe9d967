package dev.redline.core.parse;

import java.util.List;

/**
 * What a statement does, as far as migration risk is concerned. Produced by {@link StatementParser}; anything it
 * cannot classify is {@link Unknown}, which rules report as {@code unparsed} — never as safe.
 */
public sealed interface ParsedStatement {

    /** {@code ALTER TABLE} (and ALTER FOREIGN TABLE, flagged by {@code foreign}). */
    record AlterTable(QName table, boolean ifExists, boolean foreign, List<AlterAction> actions)
            implements ParsedStatement { }

    /**
     * {@code ALTER INDEX|SEQUENCE|VIEW|TYPE|…}: objectType is the upper-case object kind, action a short
     * description such as {@code RENAME}, {@code ADD VALUE}, {@code OWNER}.
     */
    record AlterObject(String objectType, QName name, String action, String newName, Span span)
            implements ParsedStatement { }

    /** {@code DROP <objectType> …}; objectType like {@code TABLE}, {@code MATERIALIZED VIEW}, {@code INDEX}. */
    record Drop(String objectType, List<QName> names, boolean ifExists, boolean cascade, boolean concurrently,
                Span span) implements ParsedStatement { }

    record CreateTable(QName name, List<ColumnDef> columns, List<ConstraintDef> constraints, boolean asQuery,
                       boolean temporary, boolean ifNotExists, QName partitionOf) implements ParsedStatement { }

    /** {@code only}: {@code ON ONLY parent} — an invalid index on a partitioned parent alone, built instantly. */
    record CreateIndex(QName index, QName table, boolean unique, boolean concurrently, boolean ifNotExists,
                       boolean only, Span span) implements ParsedStatement { }

    /** {@code CREATE [OR REPLACE] <objectType> …} for everything that is not a table or an index. */
    record CreateObject(String objectType, QName name) implements ParsedStatement { }

    record Truncate(List<QName> tables, boolean cascade) implements ParsedStatement { }

    /**
     * A query or data change. {@code verb} is SELECT, INSERT, UPDATE, DELETE, MERGE, VALUES; {@code changes} lists
     * every UPDATE/DELETE in it, the top-level one and those in WITH clauses.
     */
    record Dml(String verb, List<DataChange> changes) implements ParsedStatement { }

    /** One UPDATE or DELETE, top level or inside a CTE. */
    record DataChange(String verb, QName table, boolean hasWhere, boolean inCte, Span span) { }

    /** BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, ABORT, SAVEPOINT, RELEASE, PREPARE TRANSACTION… */
    record TransactionControl(String verb) implements ParsedStatement { }

    record Vacuum(boolean full, List<QName> tables) implements ParsedStatement { }

    record Cluster(QName table) implements ParsedStatement { }

    /** {@code REINDEX [(…)] INDEX|TABLE|SCHEMA|DATABASE|SYSTEM [CONCURRENTLY] name}. */
    record Reindex(String target, QName name, boolean concurrently) implements ParsedStatement { }

    record CreateDatabase(String name) implements ParsedStatement { }

    /** Statements PostgreSQL refuses inside a transaction block that have no other model here. */
    record NonTransactional(String what) implements ParsedStatement { }

    record Lock(List<QName> tables, String mode) implements ParsedStatement { }

    /** {@code DO [LANGUAGE l] body}: bodyStart/bodyEnd delimit the code inside the quotes. */
    record DoBlock(String language, int bodyStart, int bodyEnd) implements ParsedStatement { }

    /** {@code CALL proc(…)}: runs code Redline cannot see, which may even commit. */
    record Call(QName procedure) implements ParsedStatement { }

    /** {@code SET [LOCAL|SESSION] name = value}, {@code RESET name}, or {@code SELECT set_config(name, value, …)}. */
    record SetParameter(String name, String value, boolean local) implements ParsedStatement { }

    /** {@code REFRESH MATERIALIZED VIEW [CONCURRENTLY] name}. */
    record RefreshMaterializedView(QName name, boolean concurrently) implements ParsedStatement { }

    /** {@code ALTER DOMAIN d ADD CONSTRAINT … CHECK (…) [NOT VALID]}: checked against every column of the domain. */
    record AlterDomainAddCheck(QName domain, String constraint, boolean notValid, Span span)
            implements ParsedStatement { }

    /** A recognised statement with no migration risk (GRANT, COMMENT ON, ANALYZE, …). */
    record Harmless(String verb) implements ParsedStatement { }

    /** A statement Redline could not make sense of; {@code reason} says what was unexpected. */
    record Unknown(String reason, Span span) implements ParsedStatement { }
}

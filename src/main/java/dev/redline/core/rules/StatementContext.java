package dev.redline.core.rules;

import dev.redline.core.model.Migration;
import dev.redline.core.model.Tool;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.parse.QName;
import dev.redline.core.parse.Span;
import dev.redline.core.schema.SchemaModel;
import dev.redline.core.schema.TableInfo;
import dev.redline.core.sql.SourceText;
import dev.redline.core.sql.SqlStatement;

/**
 * Everything a rule may consult about one statement: the statement and what it does, the schema as the earlier
 * statements left it, what the migration did so far, and how the tool runs the migration.
 *
 * @param sectionInTransaction how the tool runs the section holding this statement (see
 *                             {@link dev.redline.core.model.ScriptSection#inTransaction()})
 * @param allNonTransactional  every statement of the migration is one that cannot run in a transaction block (or
 *                             is harmless), so tools that detect them run the file outside a transaction
 * @param doBlock              for a DO statement, what Redline read inside it; otherwise {@code null}
 */
public record StatementContext(SourceText source, SqlStatement statement, ParsedStatement parsed,
                               SchemaModel schema, MigrationState state, Migration migration,
                               Boolean sectionInTransaction, boolean allNonTransactional, DoBlockSummary doBlock) {

    /** Whether the table was created earlier in this same migration (so it holds no production rows yet). */
    public boolean isNewTable(QName table) {
        return table != null && state.createdHere(table);
    }

    public TableInfo table(QName table) {
        return schema.table(table);
    }

    public Tool tool() {
        return migration.tool();
    }

    public Span statementSpan() {
        return new Span(statement.start(), statement.end());
    }

    public String text() {
        return statement.text(source);
    }
}

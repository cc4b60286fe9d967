package dev.redline.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.parse.QName;
import dev.redline.core.parse.StatementParser;
import dev.redline.core.sql.SourceText;
import dev.redline.core.sql.SqlStatement;
import dev.redline.core.sql.StatementSplitter;
import org.junit.jupiter.api.Test;

/** The schema replay, and the copy a down script is judged against, which must never leak into the original. */
class SchemaModelTest {

    private static void apply(SchemaModel schema, String sql) {
        SourceText source = new SourceText(sql);
        StatementParser parser = new StatementParser(sql);
        for (SqlStatement st : StatementSplitter.split(source)) {
            ParsedStatement p = parser.parse(st);
            schema.apply(p);
        }
    }

    @Test
    void replaysCreatesAltersRenamesAndDrops() {
        SchemaModel schema = new SchemaModel();
        apply(schema, "CREATE TABLE customers (id bigint PRIMARY KEY, phone varchar(20), note text);"
                + "ALTER TABLE customers ALTER COLUMN note TYPE varchar(200), DROP COLUMN phone;"
                + "ALTER TABLE customers RENAME TO clients;"
                + "CREATE INDEX clients_note_idx ON clients (note);");
        assertNull(schema.table(QName.unqualified("customers")));
        TableInfo clients = schema.table(QName.unqualified("clients"));
        assertNotNull(clients);
        assertNull(clients.column("phone"));
        assertEquals("varchar(200)", clients.column("note").type().display());
        assertTrue(clients.column("id").notNull(), "a primary key column is NOT NULL");
        assertEquals("public.clients", schema.tableOfIndex(QName.unqualified("clients_note_idx")).qualified());
    }

    @Test
    void aCopyChangesNothingInTheOriginal() {
        SchemaModel schema = new SchemaModel();
        apply(schema, "CREATE TABLE a (x int, y text); CREATE TABLE b (z int); CREATE INDEX a_x ON a (x);");
        SchemaModel copy = schema.copy();
        apply(copy, "ALTER TABLE a DROP COLUMN y, ADD COLUMN w int; DROP TABLE b; ALTER TABLE a RENAME TO c;"
                + "DROP INDEX a_x; CREATE TABLE d (q int);");

        assertNotNull(schema.table(QName.unqualified("a")).column("y"), "the original keeps a.y");
        assertNull(schema.table(QName.unqualified("a")).column("w"));
        assertNotNull(schema.table(QName.unqualified("b")));
        assertNull(schema.table(QName.unqualified("d")));
        assertNotNull(schema.tableOfIndex(QName.unqualified("a_x")));
        assertEquals(2, schema.tableCount());

        assertNull(copy.table(QName.unqualified("a")));
        assertNull(copy.table(QName.unqualified("b")));
        assertNotNull(copy.table(QName.unqualified("c")).column("w"));
        assertNull(copy.table(QName.unqualified("c")).column("y"));
        assertNull(copy.tableOfIndex(QName.unqualified("a_x")));
        assertEquals(2, copy.tableCount());
    }
}

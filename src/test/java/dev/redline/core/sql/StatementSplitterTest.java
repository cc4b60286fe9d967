package dev.redline.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL's lexical rules as the splitter must honour them, each with the exact spans it must produce. */
class StatementSplitterTest {

    private static List<String> split(String sql) {
        SourceText source = new SourceText(sql);
        return StatementSplitter.split(source).stream().map(s -> s.text(source)).toList();
    }

    @Test
    void semicolonsInsideQuotesCommentsAndDollarBodiesDoNotSplit() {
        String sql = "SELECT 'a;''b';\n"
                + "SELECT E'it\\'s; fine';\n"
                + "SELECT \"odd;name\" FROM t;\n"
                + "/* outer /* nested; */ still comment; */ SELECT 1;\n"
                + "-- a comment; with semicolons\n"
                + "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; SELECT 2; $body$ LANGUAGE sql;\n"
                + "DO $$ BEGIN PERFORM 1; END $$;";
        assertEquals(List.of("SELECT 'a;''b'", "SELECT E'it\\'s; fine'", "SELECT \"odd;name\" FROM t",
                "SELECT 1", "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; SELECT 2; $body$ LANGUAGE sql",
                "DO $$ BEGIN PERFORM 1; END $$"), split(sql));
    }

    @Test
    void beginAtomicBodiesStayWhole() {
        String sql = "CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql\n"
                + "BEGIN ATOMIC\n  SELECT CASE WHEN a > 0 THEN a ELSE 0 END;\n  SELECT a + b;\nEND;\nSELECT 2;";
        List<String> parts = split(sql);
        assertEquals(2, parts.size(), parts.toString());
        assertTrue(parts.get(0).endsWith("END"));
        assertEquals("SELECT 2", parts.get(1));
    }

    @Test
    void spansKeepOffsetsLinesAndColumnsWithBomAndCrlf() {
        String sql = "\uFEFFSELECT 1;\r\n  DROP TABLE t;\r\n";
        SourceText source = new SourceText(sql);
        List<SqlStatement> statements = StatementSplitter.split(source);
        assertEquals(2, statements.size());
        SqlStatement drop = statements.get(1);
        assertEquals(2, drop.line());
        assertEquals(3, drop.column());
        assertEquals("DROP TABLE t", sql.substring(drop.start(), drop.end()));
        assertEquals(1, statements.get(0).line());
    }

    @Test
    void psqlMetaCommandsAreStatementsOfTheirOwnKind() {
        SourceText source = new SourceText("\\set ON_ERROR_STOP on\nSELECT 1;\n\\i other.sql\n");
        List<SqlStatement> statements = StatementSplitter.split(source);
        assertEquals(3, statements.size());
        assertTrue(statements.get(0).isPsqlMeta());
        assertEquals("SELECT 1", statements.get(1).text(source));
        assertTrue(statements.get(2).isPsqlMeta());
    }

    @Test
    void aStatementWithoutItsSemicolonEndsAtTheEndOfTheInput() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), split("SELECT 1;\nSELECT 2\n-- trailing comment"));
    }

    @Test
    void unterminatedQuotesRunToTheEndWithoutLosingEarlierStatements() {
        List<String> parts = split("DROP TABLE a;\nSELECT 'never closed; DROP TABLE b;");
        assertEquals(2, parts.size());
        assertEquals("DROP TABLE a", parts.get(0));
    }
}

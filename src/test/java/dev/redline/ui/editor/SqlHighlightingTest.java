package dev.redline.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.model.Finding;
import dev.redline.core.model.Severity;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

/** Style classes come from the project's lexer and the findings' spans; no toolkit is needed to compute them. */
class SqlHighlightingTest {

    private static final String SQL = """
            -- drop the old phone column
            ALTER TABLE customers DROP COLUMN phone;
            UPDATE t SET note = 'it''s' WHERE id = 1;
            CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1 $body$ LANGUAGE sql;
            /* block */ SELECT "Quoted", 42;
            """;

    @Test
    void classesFollowTheLexer() {
        StyleSpans<Collection<String>> spans = SqlHighlighting.compute(SQL, List.of());
        assertEquals(SQL.length(), spans.length());
        assertEquals(List.of("comment"), styleAt(spans, SQL.indexOf("drop the old")));
        assertEquals(List.of("keyword"), styleAt(spans, SQL.indexOf("ALTER")));
        assertEquals(List.of(), styleAt(spans, SQL.indexOf("customers")));
        assertEquals(List.of("string"), styleAt(spans, SQL.indexOf("'it''s'") + 3));
        assertEquals(List.of("dollar-string"), styleAt(spans, SQL.indexOf("SELECT 1")));
        assertEquals(List.of("comment"), styleAt(spans, SQL.indexOf("block")));
        assertEquals(List.of("quoted-ident"), styleAt(spans, SQL.indexOf("Quoted")));
        assertEquals(List.of("number"), styleAt(spans, SQL.indexOf("42")));
    }

    @Test
    void findingSpansCarryTheirSeverityClassOnTopOfSyntax() {
        int drop = SQL.indexOf("DROP COLUMN");
        int alter = SQL.indexOf("ALTER");
        int end = SQL.indexOf(';', drop);
        List<Finding> findings = List.of(
                finding(Severity.INFO, alter, end),
                finding(Severity.DESTRUCTIVE, drop, end),
                finding(Severity.RISKY, SQL.indexOf("UPDATE"), SQL.indexOf("UPDATE") + 6));
        StyleSpans<Collection<String>> spans = SqlHighlighting.compute(SQL, findings);
        assertEquals(SQL.length(), spans.length());
        assertEquals(List.of("keyword", "info"), styleAt(spans, alter));
        assertEquals(List.of("keyword", "destructive", "info"), styleAt(spans, drop));
        assertEquals(List.of("destructive", "info"), styleAt(spans, SQL.indexOf("phone;")));
        assertEquals(List.of(), styleAt(spans, end), "the semicolon is outside the span");
        assertEquals(List.of("keyword", "risky"), styleAt(spans, SQL.indexOf("UPDATE")));
        assertFalse(styleAt(spans, SQL.indexOf("UPDATE") + 6).contains("risky"));
    }

    @Test
    void staleOrEmptySpansNeverBreakTheLength() {
        List<Finding> findings = List.of(
                finding(Severity.DESTRUCTIVE, 5, 5),                       // empty: marks one character
                finding(Severity.RISKY, SQL.length() - 3, SQL.length() + 40), // past the end (text got shorter)
                finding(Severity.RISKY, SQL.length() + 10, SQL.length() + 20));
        StyleSpans<Collection<String>> spans = SqlHighlighting.compute(SQL, findings);
        assertEquals(SQL.length(), spans.length());
        assertTrue(styleAt(spans, 5).contains("destructive"));
        assertFalse(styleAt(spans, 6).contains("destructive"));
        assertTrue(styleAt(spans, SQL.length() - 2).contains("risky"));
    }

    @Test
    void emptyTextAndUnterminatedInput() {
        assertEquals(0, SqlHighlighting.compute("", List.of()).length());
        String open = "SELECT 'never closed";
        StyleSpans<Collection<String>> spans = SqlHighlighting.compute(open, List.of());
        assertEquals(open.length(), spans.length());
        assertEquals(List.of("unterminated"), styleAt(spans, open.indexOf("never")));
    }

    @Test
    void adjacentEqualStylesAreMerged() {
        String text = "a b c d e f";
        StyleSpans<Collection<String>> spans = SqlHighlighting.compute(text, List.of());
        assertEquals(1, spans.getSpanCount());
    }

    static List<String> styleAt(StyleSpans<Collection<String>> spans, int offset) {
        int pos = 0;
        for (StyleSpan<Collection<String>> span : spans) {
            if (offset < pos + span.getLength()) {
                return List.copyOf(span.getStyle());
            }
            pos += span.getLength();
        }
        throw new IndexOutOfBoundsException(offset);
    }

    private static Finding finding(Severity severity, int start, int end) {
        return new Finding("rule", severity, 1, 0, start, end, 1, 1, 1, null, "message", null);
    }
}

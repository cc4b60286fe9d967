package dev.redline.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.parse.SecondOpinion.Outcome;
import dev.redline.core.parse.SecondOpinion.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SecondOpinionTest {

    @Test
    void aNormalSelectParses() {
        Verdict v = SecondOpinion.of("SELECT id, name FROM users WHERE id = 1");
        assertEquals(Outcome.PARSED, v.outcome(), v::toString);
        assertEquals("PlainSelect", v.statementType());
        assertNull(v.message());
        assertTrue(v.describe().contains("PlainSelect"), v.describe());
    }

    @Test
    void anAlterTableParsesAsAlter() {
        Verdict v = SecondOpinion.of("ALTER TABLE public.users DROP COLUMN legacy;");
        assertTrue(v.isParsed(), v::toString);
        assertEquals("Alter", v.statementType());
    }

    @Test
    void brokenSqlFailsWithAShortMessage() {
        Verdict v = SecondOpinion.of("SELECT FROM WHERE (");
        assertEquals(Outcome.FAILED, v.outcome(), v::toString);
        assertNotNull(v.message());
        assertTrue(v.message().startsWith("line 1, column "), v.message());
        assertFalse(v.message().contains("\n"), v.message());
        assertFalse(v.message().contains("at net.sf"), v.message());
        assertTrue(v.describe().startsWith("JSqlParser cannot parse it either: "), v.describe());
    }

    @Test
    void aStatementJSqlParserDoesNotKnowFailsWithExpectedTokens() {
        Verdict v = SecondOpinion.of("DROP TYPE mood");
        assertTrue(v.isFailed(), v::toString);
        assertTrue(v.message().contains("unexpected \"TYPE\""), v.message());
        assertTrue(v.message().contains("expected "), v.message());
    }

    @Test
    void anUnterminatedStringIsALexicalFailure() {
        Verdict v = SecondOpinion.of("SELECT 'abc");
        assertTrue(v.isFailed(), v::toString);
        assertTrue(v.message().startsWith("line 1, column "), v.message());
    }

    @Test
    void textAfterTheFirstStatementIsNotASuccess() {
        // JSqlParser's Statement() stops after "SELECT 1;" and would ignore the rest.
        Verdict v = SecondOpinion.of("SELECT 1; DROP TABLE users");
        assertTrue(v.isFailed(), v::toString);
        assertTrue(v.message().contains("after the end of the statement"), v.message());
    }

    @Test
    void pathologicalNestingReturnsWithinTheBound() {
        String sql = "SELECT " + "(".repeat(3000) + "1" + ")".repeat(3000);
        Duration bound = Duration.ofMillis(500);
        // JSqlParser alone keeps going for tens of seconds on this; the verdict must come back about the bound.
        Verdict v = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> SecondOpinion.of(sql, bound));
        assertTrue(v.isTimedOut() || v.isFailed(), v::toString);
        assertTrue(v.elapsedNanos() < Duration.ofSeconds(3).toNanos(), v::toString);
    }

    @Test
    void aSlowParseTimesOut() {
        // 400 nested parentheses take JSqlParser far longer than 1 ms (seconds in 5.3, tens of ms in 5.4)
        String sql = "SELECT " + "(".repeat(400) + "1" + ")".repeat(400);
        Verdict v = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> SecondOpinion.of(sql, Duration.ofMillis(1)));
        assertEquals(Outcome.TIMED_OUT, v.outcome(), v::toString);
        assertEquals("no result within 1 ms", v.message());
        assertTrue(v.elapsedNanos() < Duration.ofSeconds(2).toNanos(), v::toString);
    }

    @Test
    void theDefaultBoundHoldsForAnUnclosedNest() {
        String sql = "SELECT " + "(".repeat(3000) + "1";
        Verdict v = assertTimeoutPreemptively(Duration.ofSeconds(6), () -> SecondOpinion.of(sql));
        assertTrue(v.isTimedOut() || v.isFailed(), v::toString);
        if (v.isTimedOut()) {
            assertTrue(v.describe().startsWith("JSqlParser gave no answer"), v.describe());
        }
    }

    @Test
    void placeholdersBecomeSameLengthIdentifiers() {
        String sql = "CREATE TABLE ${schema}.t (id int) -- ${flyway:user}";
        String neutral = SecondOpinion.neutralizePlaceholders(sql);
        assertEquals(sql.length(), neutral.length());
        assertEquals("CREATE TABLE ph_______.t (id int) -- ph____________", neutral);
        assertEquals("ph_", SecondOpinion.neutralizePlaceholders("${}"));
        assertEquals("no placeholders", SecondOpinion.neutralizePlaceholders("no placeholders"));
    }

    @Test
    void statementsWithPlaceholdersParse() {
        Verdict v = SecondOpinion.of("ALTER TABLE ${schema}.${table} ADD COLUMN c int");
        assertTrue(v.isParsed(), v::toString);
        assertEquals("Alter", v.statementType());
    }

    @Test
    void placeholderPositionsAreKeptInErrors() {
        // the error is at the same column with or without the placeholder (9 characters either way)
        Verdict withPlaceholder = SecondOpinion.of("DROP TYPE ${schema}.mood");
        Verdict plain = SecondOpinion.of("DROP TYPE abcdefghi.mood");
        assertTrue(withPlaceholder.isFailed(), withPlaceholder::toString);
        assertEquals(plain.message(), withPlaceholder.message());
    }

    @Test
    void backslashQuotesInEscapeStringsAreNeutralized() {
        // E'…' strings keep backslash escapes in PostgreSQL; JSqlParser (backslash escapes off) would end at \'
        assertEquals("INSERT INTO t VALUES (E'Avañe''ẽ', 'C:\\')",
                SecondOpinion.neutralizeEscapeStrings("INSERT INTO t VALUES (E'Avañe\\'ẽ', 'C:\\')"));
        assertEquals("SELECT e'a\\\\', 'x'", SecondOpinion.neutralizeEscapeStrings("SELECT e'a\\\\', 'x'"));
        assertEquals("SELECT E'it''s' -- E'\\'", SecondOpinion.neutralizeEscapeStrings("SELECT E'it\\'s' -- E'\\'"));
        assertTrue(SecondOpinion.of("INSERT INTO language (code, name) VALUES ('gn', E'Avañe\\'ẽ')").isParsed());
        assertTrue(SecondOpinion.of("SELECT 'C:\\' AS path").isParsed());
    }

    @Test
    void neverThrows() {
        assertTrue(SecondOpinion.of(null).isFailed());
        assertTrue(SecondOpinion.of("   ").isFailed());
        assertTrue(SecondOpinion.of("SELECT 1", null).isParsed());
        assertTrue(SecondOpinion.of("\u0000\u0001 ¤ $$ unterminated").isFailed());
    }
}

package dev.redline.core.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.analysis.ProjectAnalyzer;
import dev.redline.core.model.Finding;
import dev.redline.core.sql.SqlStatement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the SQL fixtures under {@code src/test/resources/fixtures/rules/<rule-id>.sql}. A statement preceded by
 * {@code -- expect: rule-id[:severity] ["target substring"]} lines must produce exactly those findings; every other
 * statement must produce none, so false positives and false negatives both fail. A line {@code -- migration: name}
 * starts another migration of the same project, applied in order (for rules that need an earlier schema);
 * {@code -- layout: flyway} anywhere makes those migrations a Flyway project instead of a plain folder.
 */
class RuleFixtureTest {

    private static final Pattern EXPECT = Pattern.compile(
            "--\\s*expect:\\s*([a-z-]+)(?::(destructive|risky|info))?(?:\\s+\"([^\"]*)\")?");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyRuleFixture() {
        return Rules.all().stream().map(rule -> DynamicTest.dynamicTest(rule.info().id(),
                () -> runFixture(rule.info().id())));
    }

    @Test
    void everyRuleHasAPositiveAndANegativeCase() throws IOException {
        for (Rule rule : Rules.all()) {
            String fixture = fixture(rule.info().id());
            assertTrue(fixture.contains("-- expect: " + rule.info().id()),
                    rule.info().id() + ".sql has no positive case for its own rule");
            long statements = fixture.lines().filter(l -> l.trim().endsWith(";")).count();
            long expects = fixture.lines().filter(l -> l.contains("-- expect:")).count();
            assertTrue(statements > expects, rule.info().id() + ".sql has no negative (unmarked) case");
        }
    }

    @Test
    void everyRuleHasMetadataAndADocPage() {
        for (Rule rule : Rules.all()) {
            RuleInfo i = rule.info();
            assertTrue(i.id().matches("[a-z]+(-[a-z]+)*"), i.id());
            assertTrue(i.checklistPoint() >= 0 && i.checklistPoint() <= 6, i.id());
            assertFalse(i.summary().isBlank(), i.id());
            assertFalse(i.saferAlternative().isBlank(), i.id());
            Path doc = Path.of("docs", "rules", i.id() + ".md");
            assertTrue(Files.isRegularFile(doc), "missing " + doc);
        }
    }

    private static String fixture(String id) throws IOException {
        try (InputStream in = RuleFixtureTest.class.getResourceAsStream("/fixtures/rules/" + id + ".sql")) {
            if (in == null) {
                fail("missing fixture fixtures/rules/" + id + ".sql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void runFixture(String id) throws IOException {
        String text = fixture(id);
        Path project = Files.createDirectories(tmp.resolve(id));
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("-- migration:") && current.length() > 0) {
                chunks.add(current.toString());
                current.setLength(0);
            }
            current.append(line).append('\n');
        }
        chunks.add(current.toString());
        // "-- layout: flyway" makes the steps a Flyway project, whose apply order Redline trusts; by default the
        // steps are a plain folder
        boolean flyway = text.contains("-- layout: flyway");
        for (int i = 0; i < chunks.size(); i++) {
            String name = flyway ? String.format("V%d__step.sql", i + 1) : String.format("%03d_step.sql", i + 1);
            Files.writeString(project.resolve(name), chunks.get(i));
        }
        ProjectAnalysis analysis = new ProjectAnalyzer().analyze(project, !flyway);
        List<String> problems = new ArrayList<>();
        for (MigrationAnalysis m : analysis.migrations()) {
            String src = m.source().text();
            int prevEnd = 0;
            for (SqlStatement st : m.statements()) {
                List<String[]> expected = new ArrayList<>();
                Matcher matcher = EXPECT.matcher(src.substring(prevEnd, st.start()));
                while (matcher.find()) {
                    expected.add(new String[] {matcher.group(1), matcher.group(2), matcher.group(3)});
                }
                prevEnd = st.end();
                List<Finding> actual = new ArrayList<>(m.findings().stream()
                        .filter(f -> f.statement() == st.index()).toList());
                for (String[] e : expected) {
                    Finding match = actual.stream().filter(f -> f.rule().equals(e[0])
                            && (e[1] == null || f.severity().id().equals(e[1]))
                            && (e[2] == null || (f.target() != null && f.target().contains(e[2]))))
                            .findFirst().orElse(null);
                    if (match == null) {
                        problems.add(m.migration().relativePath() + ":" + st.line() + " expected " + String.join(" ",
                                e[0], e[1] == null ? "" : e[1], e[2] == null ? "" : "\"" + e[2] + "\"")
                                + " but got " + describe(actual) + "\n    " + firstLine(st, src));
                    } else {
                        actual.remove(match);
                    }
                }
                for (Finding f : actual) {
                    problems.add(m.migration().relativePath() + ":" + st.line() + " unexpected " + f.rule() + ":"
                            + f.severity().id() + " \"" + f.target() + "\" — " + f.message() + "\n    "
                            + firstLine(st, src));
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(id + ".sql:\n  " + String.join("\n  ", problems));
        }
    }

    private static String describe(List<Finding> fs) {
        if (fs.isEmpty()) {
            return "nothing";
        }
        return fs.stream().map(f -> f.rule() + ":" + f.severity().id() + " \"" + f.target() + "\"").toList().toString();
    }

    private static String firstLine(SqlStatement st, String src) {
        String s = src.substring(st.start(), st.end());
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }
}

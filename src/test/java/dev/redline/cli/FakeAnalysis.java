package dev.redline.cli;

import dev.redline.core.analysis.ChecklistAnswer;
import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.analysis.ProjectAnalysis.PathError;
import dev.redline.core.model.ChecklistPoint;
import dev.redline.core.model.Direction;
import dev.redline.core.model.Finding;
import dev.redline.core.model.Migration;
import dev.redline.core.model.ScriptProblem;
import dev.redline.core.model.Severity;
import dev.redline.core.model.Tool;
import dev.redline.core.sql.SourceText;
import dev.redline.core.sql.SqlStatement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built analyses, so the reporters and the gate are tested without the real analyzer: one migration with a
 * destructive, a risky (spanning two lines) and an info finding, one unreadable file, and one unreadable folder.
 */
final class FakeAnalysis {

    static final String RISKY_SQL = """
            ALTER TABLE customers DROP COLUMN phone;
            UPDATE orders
               SET status = 'archived';
            CREATE INDEX CONCURRENTLY orders_status ON orders (status);
            """;

    private FakeAnalysis() {
    }

    /** The analysis of a Flyway project: the risky migration, an unreadable one, and an unreadable folder. */
    static ProjectAnalysis risky(Path root) {
        SourceText source = new SourceText(RISKY_SQL);
        int drop = RISKY_SQL.indexOf("DROP COLUMN phone");
        int update = RISKY_SQL.indexOf("UPDATE orders");
        int updateEnd = RISKY_SQL.indexOf(";", update);
        int index = RISKY_SQL.indexOf("CREATE INDEX");
        List<Finding> findings = List.of(
                finding(source, "drop-column", Severity.DESTRUCTIVE, 1, 0, drop, drop + "DROP COLUMN phone".length(),
                        "public.customers.phone", "Dropping column public.customers.phone deletes its data.",
                        "Stop reading the column in a release first, then drop it in a later migration."),
                finding(source, "update-without-where", Severity.RISKY, 0, 1, update, updateEnd, "public.orders",
                        "UPDATE without WHERE rewrites every row of public.orders.",
                        "Add a WHERE clause, or update in batches."),
                finding(source, "non-transactional", Severity.INFO, 5, 2, index, RISKY_SQL.indexOf(";", index),
                        null, "CREATE INDEX CONCURRENTLY cannot run inside a transaction.", null));

        MigrationAnalysis judged = new MigrationAnalysis(
                migration(root, "db/migration/V2__drop_phone.sql", "2"), "ab".repeat(32), source,
                statements(source), Boolean.TRUE, checklist(findings), findings, List.of());
        MigrationAnalysis unreadable = new MigrationAnalysis(
                migration(root, "db/migration/V3__blob.sql", "3"), "cd".repeat(32), null, List.of(), null,
                List.of(), List.of(), List.of(new ScriptProblem("binary file (contains NUL bytes), not SQL", null)));
        return new ProjectAnalysis(root, List.of(), List.of(judged, unreadable),
                List.of(new PathError("db/locked", "permission denied")));
    }

    /** A project whose only migration has nothing but an info finding. */
    static ProjectAnalysis harmless(Path root) {
        String sql = "CREATE TABLE notes (id bigint PRIMARY KEY, body text);\n";
        SourceText source = new SourceText(sql);
        List<Finding> findings = List.of(finding(source, "create-table", Severity.INFO, 0, 0, 0, sql.indexOf(';'),
                "public.notes", "Creates table public.notes.", null));
        MigrationAnalysis m = new MigrationAnalysis(migration(root, "V1__notes.sql", "1"), "ef".repeat(32), source,
                statements(source), Boolean.TRUE, checklist(List.of()), findings, List.of());
        return new ProjectAnalysis(root, List.of(), List.of(m), List.of());
    }

    private static Migration migration(Path root, String relativePath, String version) {
        return new Migration(root.resolve(relativePath), relativePath, Tool.FLYWAY, Direction.UP, version,
                relativePath.substring(relativePath.indexOf("__") + 2), "db/migration", false);
    }

    private static Finding finding(SourceText source, String rule, Severity severity, int checklist, int statement,
                                   int start, int end, String target, String message, String hint) {
        return new Finding(rule, severity, checklist, statement, start, end, source.line(start), source.column(start),
                source.line(end - 1), target, message, hint);
    }

    /** One statement per {@code ;}: enough for the reporters, which only count them. */
    private static List<SqlStatement> statements(SourceText source) {
        List<SqlStatement> statements = new ArrayList<>();
        int start = 0;
        String text = source.text();
        for (int end = text.indexOf(';'); end >= 0; end = text.indexOf(';', start)) {
            while (Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            statements.add(new SqlStatement(statements.size(), start, end, source.line(start), source.column(start),
                    source.line(end), List.of(), SqlStatement.Kind.SQL, 0, false));
            start = end + 1;
        }
        return statements;
    }

    private static List<ChecklistAnswer> checklist(List<Finding> findings) {
        List<ChecklistAnswer> answers = new ArrayList<>();
        for (ChecklistPoint point : ChecklistPoint.values()) {
            List<Finding> mine = findings.stream().filter(f -> f.checklist() == point.number()).toList();
            answers.add(new ChecklistAnswer(point, mine.isEmpty() ? "Nothing." : mine.size() + " finding(s).",
                    !mine.isEmpty(), mine));
        }
        return answers;
    }
}

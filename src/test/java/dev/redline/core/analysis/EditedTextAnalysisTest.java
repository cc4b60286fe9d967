package dev.redline.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.model.Finding;
import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationSet;
import dev.redline.core.schema.SchemaModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench re-analyses one migration's unsaved text against the schema of the migrations before it: the answer
 * must be the one a project run would give if the file held that text.
 */
class EditedTextAnalysisTest {

    @TempDir
    Path project;

    private final ProjectAnalyzer analyzer = new ProjectAnalyzer();

    @Test
    void unchangedTextGivesTheProjectRunsFindings() throws IOException {
        writeDieselProject();
        ProjectAnalysis run = analyzer.analyze(project, false);
        MigrationSet set = run.sets().get(0);
        assertEquals(6, run.migrations().size());
        for (MigrationAnalysis expected : run.migrations()) {
            Migration m = expected.migration();
            SchemaModel before = analyzer.schemaBefore(set, m);
            MigrationAnalysis again = analyzer.analyzeText(m, Files.readString(m.file()), before);
            assertEquals(rules(expected.findings()), rules(again.findings()), m.relativePath());
            assertEquals(expected.sha256(), again.sha256(), m.relativePath());
        }
    }

    @Test
    void theSchemaBeforeDecidesTheVerdict() throws IOException {
        writeDieselProject();
        ProjectAnalysis run = analyzer.analyze(project, false);
        MigrationSet set = run.sets().get(0);
        Migration third = set.migrations().get(4); // 3_shorten_phone/up.sql
        String edited = "ALTER TABLE customers ALTER COLUMN phone TYPE varchar(20);\n"
                + "ALTER TABLE customers DROP COLUMN name;\n";

        MigrationAnalysis known = analyzer.analyzeText(third, edited, analyzer.schemaBefore(set, third));
        Finding type = only(known, "change-column-type");
        assertTrue(type.message().contains("text"), type.message());
        Finding drop = only(known, "drop-column");
        assertEquals(2, drop.line());
        assertEquals("public.customers.name", drop.target());

        // against an empty schema the old type of phone is unknown, and the message cannot name it
        MigrationAnalysis blind = analyzer.analyzeText(third, edited, new SchemaModel());
        assertTrue(!only(blind, "change-column-type").message().equals(type.message()), type.message());
    }

    private static Finding only(MigrationAnalysis analysis, String rule) {
        List<Finding> found = analysis.findings().stream().filter(f -> f.rule().equals(rule)).toList();
        assertEquals(1, found.size(), rule + " in " + rules(analysis.findings()));
        return found.get(0);
    }

    @Test
    void theSchemaPassedInIsAdvancedSoCallersPassACopy() throws IOException {
        writeDieselProject();
        MigrationSet set = analyzer.analyze(project, false).sets().get(0);
        Migration second = set.migrations().get(2); // 2_drop_notes/up.sql
        SchemaModel before = analyzer.schemaBefore(set, second);
        int tables = before.tableCount();
        analyzer.analyzeText(second, "DROP TABLE customers;\n", before.copy());
        assertEquals(tables, before.tableCount());
        analyzer.analyzeText(second, "DROP TABLE customers;\n", before);
        assertEquals(tables - 1, before.tableCount());
    }

    @Test
    void gooseTextIsCutIntoItsDirectionsSection() throws IOException {
        Files.writeString(project.resolve("00001_init.sql"), """
                -- +goose Up
                CREATE TABLE customers (id int primary key, phone text);
                -- +goose Down
                DROP TABLE customers;
                """);
        ProjectAnalysis run = analyzer.analyze(project, false);
        MigrationSet set = run.sets().get(0);
        Migration up = set.migrations().get(0);
        String edited = """
                -- +goose Up
                ALTER TABLE customers DROP COLUMN phone;
                -- +goose Down
                DROP TABLE customers;
                """;
        MigrationAnalysis analysis = analyzer.analyzeText(up, edited, analyzer.schemaBefore(set, up));
        assertTrue(rules(analysis.findings()).contains("drop-column"));
        assertTrue(!rules(analysis.findings()).contains("drop-table"), "the Down section is not the up migration's");
    }

    @Test
    void aMigrationOfAnotherSetIsRefused() throws IOException {
        writeDieselProject();
        MigrationSet set = analyzer.analyze(project, false).sets().get(0);
        Migration stranger = new Migration(project.resolve("x.sql"), "x.sql", set.tool(), set.migrations().get(0)
                .direction(), "9", "x", "other", false);
        assertThrows(IllegalArgumentException.class, () -> analyzer.schemaBefore(set, stranger));
    }

    private void writeDieselProject() throws IOException {
        write("migrations/2024-01-01-000001_create/up.sql",
                "CREATE TABLE customers (id int primary key, name text, phone text, notes text);\n");
        write("migrations/2024-01-01-000001_create/down.sql", "DROP TABLE customers;\n");
        write("migrations/2024-01-01-000002_drop_notes/up.sql", "ALTER TABLE customers DROP COLUMN notes;\n");
        write("migrations/2024-01-01-000002_drop_notes/down.sql", "ALTER TABLE customers ADD COLUMN notes text;\n");
        write("migrations/2024-01-01-000003_shorten_phone/up.sql",
                "ALTER TABLE customers ALTER COLUMN phone TYPE varchar(20);\n");
        write("migrations/2024-01-01-000003_shorten_phone/down.sql",
                "ALTER TABLE customers ALTER COLUMN phone TYPE text;\n");
    }

    private void write(String relative, String text) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }
}

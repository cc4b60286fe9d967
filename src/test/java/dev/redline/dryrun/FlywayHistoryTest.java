package dev.redline.dryrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.cli.CliRun;
import dev.redline.dryrun.DryRunReport.ChecksumMismatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FlywayChecksum} against real Flyway 11: Flyway migrates files with every kind of line ending, a BOM, no
 * final newline and non-ASCII text onto the embedded server, and the checksums it records must be ours. Then the
 * history it wrote drives which migrations a dry-run picks.
 */
class FlywayHistoryTest {

    @TempDir
    Path dir;

    @Test
    void checksumsMatchWhatFlywayRecordsAndDrivePendingSelection() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("db/migration"));
        Map<String, byte[]> files = new HashMap<>();
        files.put("V1__create.sql", "CREATE TABLE t (id int, name text);\n-- ünïcödé ✓\n".getBytes(StandardCharsets.UTF_8));
        files.put("V2__crlf.sql", "INSERT INTO t VALUES (1, 'a');\r\n\r\nINSERT INTO t VALUES (2, 'b');\r\n"
                .getBytes(StandardCharsets.UTF_8));
        files.put("V3__bom_no_newline.sql", ("\uFEFFALTER TABLE t ADD COLUMN note text;\n\n  -- indented"
                + "\n\tUPDATE t SET note = 'x'").getBytes(StandardCharsets.UTF_8));
        files.put("V3_1__cr_only.sql", "SELECT 1;\rSELECT 2;\r".getBytes(StandardCharsets.UTF_8));
        files.put("V3_2__empty.sql", new byte[0]);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(migrations.resolve(f.getKey()), f.getValue());
        }
        String db = TestServer.createDatabase("flyway");
        Flyway.configure().dataSource(TestServer.url(db), "postgres", "").locations("filesystem:" + migrations)
                .load().migrate();

        int checked = 0;
        try (Connection c = TestServer.connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT script, checksum FROM flyway_schema_history WHERE script <> '<< Flyway Schema Creation Script >>'")) {
            while (rs.next()) {
                String text = new String(files.get(rs.getString(1)), StandardCharsets.UTF_8);
                assertEquals(rs.getInt(2), FlywayChecksum.of(text), "checksum of " + rs.getString(1));
                checked++;
            }
        }
        assertEquals(files.size(), checked);

        // Edited after it ran, a late file older than the newest applied one, and a new one.
        Files.writeString(migrations.resolve("V2__crlf.sql"), "INSERT INTO t VALUES (1, 'changed');\n");
        Files.writeString(migrations.resolve("V1_5__late.sql"), "ALTER TABLE t ADD COLUMN late int;\n");
        Files.writeString(migrations.resolve("V4__next.sql"), "ALTER TABLE t DROP COLUMN name;\n");
        try (Connection c = TestServer.connect(db)) {
            MigrationSelection selection = MigrationSelection.pending(dir, c);
            assertEquals(List.of("db/migration/V1_5__late.sql", "db/migration/V4__next.sql"),
                    selection.migrations().stream().map(PlannedMigration::path).toList());
            assertTrue(selection.migrations().get(0).outOfOrder());
            assertEquals(List.of("db/migration/V1_5__late.sql"), selection.history().outOfOrder());
            List<ChecksumMismatch> mismatches = selection.history().checksumMismatches();
            assertEquals(1, mismatches.size(), mismatches::toString);
            assertEquals("db/migration/V2__crlf.sql", mismatches.get(0).path());
            assertEquals("flyway", selection.history().tool());
            assertEquals(5, selection.history().applied());
        }

        CliRun run = CliRun.run("dry-run", "--db", TestServer.url(db), dir.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("history: flyway public.flyway_schema_history: 5 applied, 2 pending"),
                run.out());
        assertTrue(run.out().contains("out of order: db/migration/V1_5__late.sql"), run.out());
        assertTrue(run.out().contains("edited after it ran: db/migration/V2__crlf.sql"), run.out());
        assertTrue(run.out().contains("schema column-dropped public.t.name"), run.out());
    }

    @Test
    void checksumIgnoresLineEndingsButNothingElse() {
        assertEquals(FlywayChecksum.of("a\nb\n"), FlywayChecksum.of("a\r\nb\r\n"));
        assertEquals(FlywayChecksum.of("a\nb"), FlywayChecksum.of("\uFEFFa\nb\n"));
        assertTrue(FlywayChecksum.of("a\nb") != FlywayChecksum.of("a\nc"));
        assertEquals(0, FlywayChecksum.of(""));
    }
}

package dev.redline.ui.dryrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.dryrun.Cancellation;
import dev.redline.dryrun.DryRunReport;
import dev.redline.dryrun.Profiles;
import dev.redline.dryrun.TestServer;
import dev.redline.dryrun.ThrowawayCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedlineDryRunServiceTest {

    @TempDir
    Path dir;

    private Path project() throws Exception {
        Path project = dir.resolve("shop");
        Files.createDirectories(project.resolve(".git"));
        Files.createDirectories(project.resolve(".redline"));
        Files.writeString(project.resolve(".redline/production"), "prod.example.com\n");
        Path file = project.resolve("db/migration/V1__x.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "SELECT 1;\n");
        return project;
    }

    @Test
    void aProductionTargetIsRefusedBeforeAnyConnection() throws Exception {
        Path project = project();
        List<String> seen = new ArrayList<>();
        var service = new RedlineDryRunService(Map.of(), new Profiles(dir.resolve("profiles")));
        var e = assertThrows(DryRunService.DryRunRefused.class, () -> service.run(project,
                project.resolve("db/migration/V1__x.sql"),
                new DryRunTarget.Jdbc("jdbc:postgresql://prod.example.com:5432/shop", "secret"), seen::add,
                DryRunService.Confirm.ALWAYS,
                new Cancellation()));
        assertTrue(e.getMessage().startsWith("Refused"), e.getMessage());
        assertTrue(e.getMessage().contains("prod.example.com"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"));
        assertTrue(seen.stream().noneMatch(s -> s.startsWith("Connecting")), seen.toString());
    }

    @Test
    void anUnreachableTargetIsAMessageNotAStackTrace() throws Exception {
        Path project = project();
        var service = new RedlineDryRunService(Map.of(), new Profiles(dir.resolve("profiles")));
        var e = assertThrows(DryRunService.DryRunRefused.class, () -> service.run(project,
                project.resolve("db/migration/V1__x.sql"),
                new DryRunTarget.Jdbc("jdbc:postgresql://127.0.0.1:1/shop?user=u&connectTimeout=2", "pw"), s -> { },
                DryRunService.Confirm.ALWAYS,
                new Cancellation()));
        assertFalse(e.getMessage().contains("pw"), e.getMessage());
    }

    @Test
    void aBadUrlSaysSo() throws Exception {
        Path project = project();
        var service = new RedlineDryRunService(Map.of(), new Profiles(dir.resolve("profiles")));
        var e = assertThrows(DryRunService.DryRunRefused.class, () -> service.run(project,
                project.resolve("db/migration/V1__x.sql"), new DryRunTarget.Jdbc("mysql://x", ""), s -> { },
                DryRunService.Confirm.ALWAYS,
                new Cancellation()));
        assertTrue(e.getMessage().startsWith("Not a usable JDBC URL"), e.getMessage());
    }

    @Test
    void aJdbcTargetThatAsksForAThrowawayCopyGetsOneAfterTheRolledBackRun() throws Exception {
        Path project = project();
        Path file = project.resolve("db/migration/V2__index.sql");
        Files.writeString(file, """
                CREATE TABLE things (id bigint, name text);
                CREATE INDEX CONCURRENTLY things_name ON things (name);
                """);
        String db = TestServer.createDatabase("ui_throwaway");
        var service = new RedlineDryRunService(Map.of(), new Profiles(dir.resolve("profiles")));

        List<String> seen = new ArrayList<>();
        DryRunReport report = service.run(project, file, new DryRunTarget.Jdbc(TestServer.url(db), "", true),
                seen::add, DryRunService.Confirm.ALWAYS, new Cancellation());

        assertEquals(DryRunReport.StatementOutcome.SKIPPED, report.migrations().get(0).statements().get(1).outcome());
        assertEquals(1, report.throwawayCopies().size(), report.toString());
        DryRunReport.ThrowawayRun copy = report.throwawayCopies().get(0);
        assertEquals(DryRunReport.ThrowawayOutcome.OK, copy.outcome(), copy.toString());
        assertTrue(copy.database().startsWith(ThrowawayCopy.PREFIX), copy.database());
        assertTrue(copy.dropped());
        assertEquals(List.of(DryRunReport.StatementOutcome.OK, DryRunReport.StatementOutcome.OK),
                copy.statements().stream().map(DryRunReport.StatementRun::outcome).toList(), "the index ran for real");
        assertTrue(copy.schemaChanges().stream().anyMatch(c -> c.change().equals("table-created")),
                copy.schemaChanges().toString());
        assertEquals(List.of(copy), DryRunViewModel.throwawayRunsFor(report, file), "matched by path");
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("Running the migration whole on a throwaway copy")),
                seen.toString());
        try (var c = TestServer.connect("postgres"); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE '"
                     + ThrowawayCopy.PREFIX + "%'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the copy is gone");
        }

        DryRunReport without = service.run(project, file, new DryRunTarget.Jdbc(TestServer.url(db), ""), s -> { },
                DryRunService.Confirm.ALWAYS, new Cancellation());
        assertEquals(List.of(), without.throwawayCopies(), "no copy unless asked for");
    }
}

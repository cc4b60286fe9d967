package dev.redline.ui.dryrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.dryrun.DryRunReport;
import dev.redline.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DryRunViewModelTest {

    private static final Path PROJECT = Path.of("/p");
    private static final Path FILE = Path.of("/p/V2__cleanup.sql");

    static DryRunReport report(boolean fail) {
        DryRunReport.StatementRun ok = new DryRunReport.StatementRun(0, 1, "DELETE FROM orders", 3.5,
                DryRunReport.StatementOutcome.OK, null, null,
                List.of(new DryRunReport.HeldLock("orders", "RowExclusiveLock")), false, List.of(), List.of(), 2L);
        DryRunReport.StatementRun bad = new DryRunReport.StatementRun(1, 4, "ALTER TABLE x ADD PRIMARY KEY (id)", 1,
                DryRunReport.StatementOutcome.ERROR, new DryRunReport.StatementError("23505", "duplicate key", null),
                null, List.of(), false, List.of(), List.of(), null);
        DryRunReport.MigrationRun run = new DryRunReport.MigrationRun(FILE.toString(), "2",
                fail ? DryRunReport.MigrationOutcome.FAILED : DryRunReport.MigrationOutcome.OK, null, false,
                fail ? List.of(ok, bad) : List.of(ok),
                List.of(new DryRunReport.RowCount("orders", 5L, 3L), new DryRunReport.RowCount("customers", 2L, 2L)),
                List.of(new DryRunReport.SchemaChange("column-dropped", "customers", "phone", null, "text", null)),
                4.5);
        return new DryRunReport(new DryRunReport.Target("embedded", "17.6", null, "redline", "postgres"), false,
                null, List.of(run), List.of(), null, null, 12, null, List.of());
    }

    @Test
    void runsInTheBackgroundReportsProgressAndKeepsTheReport() {
        List<String> seen = new ArrayList<>();
        DryRunViewModel model = new DryRunViewModel((project, file, target, status, confirm, cancel) -> {
            status.accept("Starting server");
            assertEquals(DryRunTarget.embedded(), target);
            return report(false);
        }, new CurrentThreadTaskExecutor());
        model.statusProperty().addListener((o, was, now) -> seen.add(now));
        model.start(PROJECT, FILE, DryRunTarget.embedded());
        assertFalse(model.isRunning());
        assertTrue(seen.contains("Starting server"), seen.toString());
        assertNotNull(model.reportFor(FILE));
        assertNull(model.reportFor(Path.of("/p/other.sql")));
        assertTrue(model.statusProperty().get().startsWith("Dry-run passed"));
        assertTrue(model.errorLines(FILE).isEmpty());
    }

    @Test
    void failingStatementsGiveTheirLines() {
        DryRunViewModel model = new DryRunViewModel((p, f, t, s, k, c) -> report(true), new CurrentThreadTaskExecutor());
        model.start(PROJECT, FILE, DryRunTarget.embedded());
        assertEquals(List.of(4), model.errorLines(FILE));
        assertTrue(model.statusProperty().get().startsWith("Dry-run failed"));
    }

    @Test
    void aRefusalIsShownAsItsMessageAndTheSessionKeepsTheUrl() {
        DryRunViewModel model = new DryRunViewModel((p, f, t, s, k, c) -> {
            throw new DryRunService.DryRunRefused("Refused: prod.example.com is a production target");
        }, new CurrentThreadTaskExecutor());
        model.start(PROJECT, FILE, new DryRunTarget.Jdbc("jdbc:postgresql://prod.example.com/shop", "secret"));
        assertEquals("Refused: prod.example.com is a production target", model.errorProperty().get());
        assertNull(model.resultProperty().get());
        assertFalse(model.isRunning());
        assertTrue(model.lastWasJdbc());
        assertEquals("jdbc:postgresql://prod.example.com/shop", model.lastUrl());
        assertFalse(new DryRunTarget.Jdbc("u", "secret").toString().contains("secret"));
    }

    @Test
    void aNamedTargetRunsOnlyAfterTheUserSaidGo() {
        List<String> asked = new ArrayList<>();
        DryRunService service = (p, f, t, s, confirm, c) -> {
            if (!confirm.proceed("shop as alice, role clone, PostgreSQL 17.6")) {
                throw new DryRunService.DryRunRefused("Dry-run not started; nothing ran");
            }
            return report(false);
        };
        DryRunViewModel model = new DryRunViewModel(service, new CurrentThreadTaskExecutor());
        model.setTargetConfirmation(what -> {
            asked.add(what);
            return java.util.concurrent.CompletableFuture.completedFuture(false);
        });
        model.start(PROJECT, FILE, new DryRunTarget.Jdbc("jdbc:postgresql://db/shop", ""));
        assertEquals(List.of("shop as alice, role clone, PostgreSQL 17.6"), asked);
        assertEquals("Dry-run not started; nothing ran", model.errorProperty().get());
        assertNull(model.resultProperty().get());

        model.setTargetConfirmation(what -> java.util.concurrent.CompletableFuture.completedFuture(true));
        model.start(PROJECT, FILE, new DryRunTarget.Jdbc("jdbc:postgresql://db/shop", ""));
        assertNotNull(model.reportFor(FILE));
        assertNull(model.errorProperty().get());
    }

    @Test
    void lossIsAFallingOrDroppedCount() {
        assertTrue(new DryRunResultsView.CountRow("t", 5L, 3L).loss());
        assertTrue(new DryRunResultsView.CountRow("t", 5L, null).loss());
        assertFalse(new DryRunResultsView.CountRow("t", null, 3L).loss());
        assertFalse(new DryRunResultsView.CountRow("t", 3L, 3L).loss());
    }

    static DryRunReport.ThrowawayRun copy(Path file, DryRunReport.ThrowawayOutcome outcome) {
        if (outcome == DryRunReport.ThrowawayOutcome.UNAVAILABLE) {
            return new DryRunReport.ThrowawayRun(file.toString(), null, outcome, "no throwaway copy: 1 other session "
                    + "is connected to shop", List.of(), List.of(), List.of(), false, 0);
        }
        boolean failed = outcome == DryRunReport.ThrowawayOutcome.FAILED;
        DryRunReport.StatementRun index = new DryRunReport.StatementRun(0, 7,
                "CREATE UNIQUE INDEX CONCURRENTLY orders_ref ON orders (ref)", 8.25,
                failed ? DryRunReport.StatementOutcome.ERROR : DryRunReport.StatementOutcome.OK,
                failed ? new DryRunReport.StatementError("23505", "could not create unique index \"orders_ref\"",
                        "Key (ref)=(7) is duplicated.") : null,
                failed ? null : "ran for real, outside a transaction, on the throwaway copy", List.of(), false,
                List.of(), List.of(), null);
        return new DryRunReport.ThrowawayRun(file.toString(), "redline_throwaway_20250101120000_abc", outcome,
                failed ? "a statement failed on the throwaway copy" : null, List.of(index),
                List.of(new DryRunReport.RowCount("orders", 5L, 5L)),
                failed ? List.of() : List.of(new DryRunReport.SchemaChange("index-created", "orders", null,
                        "orders_ref", null, "CREATE UNIQUE INDEX orders_ref ON orders (ref)")), true, 20);
    }

    @Test
    void theThrowawayCopyChoiceTravelsWithTheJdbcTargetAndIsRememberedForTheSession() {
        List<DryRunTarget> seen = new ArrayList<>();
        DryRunViewModel model = new DryRunViewModel((p, f, t, s, k, c) -> {
            seen.add(t);
            return report(false);
        }, new CurrentThreadTaskExecutor());
        assertFalse(model.lastThrowawayCopy());
        model.start(PROJECT, FILE, new DryRunTarget.Jdbc("jdbc:postgresql://db/shop", "", true));
        assertTrue(((DryRunTarget.Jdbc) seen.get(0)).throwawayCopy());
        assertTrue(model.lastThrowawayCopy());
        model.start(PROJECT, FILE, new DryRunTarget.Jdbc("jdbc:postgresql://db/shop", ""));
        assertFalse(((DryRunTarget.Jdbc) seen.get(1)).throwawayCopy(), "off unless asked for");
        assertFalse(model.lastThrowawayCopy());
    }

    @Test
    void runsOnThrowawayCopiesAreMatchedByPathAndSaidPlainly() {
        DryRunReport report = report(false).withThrowawayCopies(List.of(
                copy(FILE, DryRunReport.ThrowawayOutcome.OK),
                copy(Path.of("/p/V9__other.sql"), DryRunReport.ThrowawayOutcome.FAILED)));
        List<DryRunReport.ThrowawayRun> mine = DryRunViewModel.throwawayRunsFor(report, FILE);
        assertEquals(1, mine.size());
        assertEquals(DryRunReport.ThrowawayOutcome.OK, mine.get(0).outcome());
        assertEquals("On a throwaway copy (redline_throwaway_20250101120000_abc): ok — the copy was dropped",
                DryRunViewModel.throwawayHeading(mine.get(0)));
        assertEquals(List.of(), DryRunViewModel.throwawayRunsFor(report, Path.of("/p/V3__x.sql")));

        assertEquals("Not run on a throwaway copy: 1 other session is connected to shop",
                DryRunViewModel.throwawayHeading(copy(FILE, DryRunReport.ThrowawayOutcome.UNAVAILABLE)));
        DryRunReport.ThrowawayRun kept = copy(FILE, DryRunReport.ThrowawayOutcome.OK);
        kept = new DryRunReport.ThrowawayRun(kept.path(), kept.database(), kept.outcome(), null, kept.statements(),
                kept.rowCounts(), kept.schemaChanges(), false, 1);
        assertTrue(DryRunViewModel.throwawayHeading(kept).contains("could NOT be dropped"),
                DryRunViewModel.throwawayHeading(kept));

        DryRunReport.StatementRun failed = copy(FILE, DryRunReport.ThrowawayOutcome.FAILED).statements().get(0);
        assertEquals("SQLSTATE 23505 — could not create unique index \"orders_ref\" (Key (ref)=(7) is duplicated.)",
                DryRunViewModel.statementDetail(failed));
        assertEquals("", DryRunViewModel.statementDetail(mine.get(0).statements().get(0)));
    }

    @Test
    void aFailureOnTheThrowawayCopyFailsTheDryRunAndMarksItsLine() {
        DryRunReport failing = report(false).withThrowawayCopies(List.of(copy(FILE,
                DryRunReport.ThrowawayOutcome.FAILED)));
        DryRunViewModel model = new DryRunViewModel((p, f, t, s, k, c) -> failing, new CurrentThreadTaskExecutor());
        model.start(PROJECT, FILE, DryRunTarget.embedded());
        assertTrue(model.statusProperty().get().startsWith("Dry-run failed"), model.statusProperty().get());
        assertTrue(model.statusProperty().get().contains("failed on a throwaway copy"), model.statusProperty().get());
        assertEquals(List.of(7), model.errorLines(FILE));

        DryRunReport unavailable = report(false).withThrowawayCopies(List.of(copy(FILE,
                DryRunReport.ThrowawayOutcome.UNAVAILABLE)));
        model = new DryRunViewModel((p, f, t, s, k, c) -> unavailable, new CurrentThreadTaskExecutor());
        model.start(PROJECT, FILE, DryRunTarget.embedded());
        assertTrue(model.statusProperty().get().startsWith("Dry-run passed"), "no copy is not a failure");
        assertTrue(model.statusProperty().get().contains("not run on a throwaway copy"),
                model.statusProperty().get());
    }
}

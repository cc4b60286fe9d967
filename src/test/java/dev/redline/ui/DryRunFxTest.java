package dev.redline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.dryrun.DryRunReport;
import dev.redline.ui.dryrun.DryRunResultsView;
import dev.redline.ui.dryrun.DryRunTarget;
import dev.redline.ui.dryrun.DryRunViewModel;
import dev.redline.ui.task.CurrentThreadTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless: dry-runs the shop's V2 on the embedded PostgreSQL and shows its row counts; a migration
 * PostgreSQL refuses in a transaction also runs whole on a throwaway copy, shown in its own tab.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DryRunFxTest extends ShopWindowFxTest {

    @Start
    void start(Stage stage) throws IOException {
        openShop(stage);
    }

    @Test
    void embeddedDryRunShowsRowCountsAndTheSchemaDiff(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> {
            var m = workbench.model().editor().migrationProperty().get();
            return m != null && m.relativePath().equals(ShopFixture.V2);
        }));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#dryRunButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dryRunStart").tryQuery().isPresent());
        assertTrue(fx(() -> robot.lookup("#targetEmbedded").queryAs(javafx.scene.control.RadioButton.class)
                .isSelected()));
        robot.clickOn("#dryRunStart");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> workbench.dryRun().isRunning()
                || workbench.dryRun().resultProperty().get() != null
                || workbench.dryRun().errorProperty().get() != null));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !workbench.dryRun().isRunning()));
        String error = fx(() -> workbench.dryRun().errorProperty().get());
        assertTrue(error == null, error);
        TableView<?> counts = robot.lookup("#dryRunResults #rowCounts").queryTableView();
        assertFalse(fx(() -> counts.getItems().isEmpty()));
        assertTrue(fx(() -> counts.getItems().stream().map(Object::toString).anyMatch(s -> s.contains("customers"))));
        assertTrue(fx(() -> robot.lookup("#schemaDiff").queryListView().getItems().stream()
                .map(Object::toString).anyMatch(s -> s.contains("phone"))));

        // signing off now attaches the dry-run as evidence
        fx(() -> {
            for (int i = 1; i <= 6; i++) {
                robot.lookup("#checkpoint" + i).queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
            }
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> fx(() -> !robot.lookup("#signOffButton").queryButton().isDisabled()));
        robot.clickOn("#signOffButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#signOffConfirm").tryQuery().isPresent());
        assertTrue(fx(() -> robot.lookup("#signOffEvidence").queryAs(javafx.scene.control.Label.class).getText()
                .contains("attached as evidence")));
        fx(() -> {
            robot.lookup("#reviewer").queryAs(javafx.scene.control.TextField.class)
                    .setText("Ada Reviewer <ada@example.com>");
            return null;
        });
        robot.clickOn("#signOffConfirm");
        Path reviewFile = shop.resolve(ShopFixture.V2 + ".review.json");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(reviewFile));
        String json = Files.readString(reviewFile);
        assertTrue(json.contains("\"rowCounts\"") && json.contains("customers"), json);
    }

    @Test
    void aFailingStatementIsListedWithItsSqlstateAndMarkedInTheEditor(FxRobot robot) throws Exception {
        Files.writeString(shop.resolve(ShopFixture.V3), "-- add a column\nALTER TABLE nowhere ADD COLUMN x int;\n");
        fx(() -> {
            workbench.model().refresh();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> workbench.model().migrations().entries()
                .stream().anyMatch(e -> e.migration().relativePath().equals(ShopFixture.V3))));
        fx(() -> {
            workbench.model().migrations().entries().stream()
                    .filter(e -> e.migration().relativePath().equals(ShopFixture.V3)).findFirst()
                    .ifPresent(e -> workbench.model().migrations().select(e.migration()));
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> {
            var m = workbench.model().editor().migrationProperty().get();
            return m != null && m.relativePath().equals(ShopFixture.V3)
                    && workbench.view().editor().area().getText().contains("nowhere");
        }));
        fx(() -> {
            workbench.view().openDryRun();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dryRunStart").tryQuery().isPresent());
        robot.clickOn("#dryRunStart");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> workbench.dryRun().resultProperty().get() != null
                || workbench.dryRun().errorProperty().get() != null));
        String error = fx(() -> workbench.dryRun().errorProperty().get());
        assertTrue(error == null, error);
        assertTrue(fx(() -> robot.lookup("#dryRunFailures").queryListView().getItems().stream()
                .map(Object::toString).anyMatch(s -> s.contains("42P01"))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> workbench.view().editor().area()
                .getParagraph(1).getParagraphStyle().contains("dry-run-error")));
        assertFalse(fx(() -> workbench.view().editor().area().getParagraph(0).getParagraphStyle()
                .contains("dry-run-error")));
    }

    @Test
    void ctrlEnterOpensTheTargetPickerAndCancelClosesIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> fx(() -> workbench.model().editor().migrationProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#migrationList");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.ENTER)
                .release(javafx.scene.input.KeyCode.ENTER, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dryRunDialog").tryQuery().isPresent());
        fx(() -> {
            robot.lookup("#targetJdbc").queryAs(javafx.scene.control.RadioButton.class).setSelected(true);
            return null;
        });
        assertTrue(fx(() -> robot.lookup("#dryRunStart").queryButton().isDisabled())); // no URL yet
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dryRunDialog").tryQuery().isEmpty());
        assertFalse(fx(() -> workbench.dryRun().isRunning()));
    }

    @Test
    void openSampleCopiesAndOpensTheSampleProjectAndTheWindowHasAnIcon(FxRobot robot) throws Exception {
        assertFalse(fx(() -> ((Stage) robot.lookup("#migrationList").query().getScene().getWindow()).getIcons()
                .isEmpty()));
        fx(() -> {
            workbench.openSample();
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> {
            Path root = workbench.model().project().root();
            return root != null && root.getFileName().toString().startsWith("redline-sample")
                    && workbench.model().project().analysis() != null
                    && !workbench.model().migrations().entries().isEmpty();
        }));
        Path copied = fx(() -> workbench.model().project().root()).getParent(); // the fresh temporary folder
        try (var files = Files.walk(copied)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aConcurrentIndexAlsoRunsWholeOnAThrowawayCopyShownInItsOwnTab(FxRobot robot) throws Exception {
        Files.writeString(shop.resolve(ShopFixture.V3),
                "-- index the names\nCREATE INDEX CONCURRENTLY customers_name ON customers (name);\n");
        selectMigration(ShopFixture.V3, "CONCURRENTLY");
        fx(() -> {
            workbench.view().openDryRun();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dryRunStart").tryQuery().isPresent());
        robot.clickOn("#dryRunStart"); // the embedded scratch database always makes the copy
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> workbench.dryRun().resultProperty().get() != null
                || workbench.dryRun().errorProperty().get() != null));
        String error = fx(() -> workbench.dryRun().errorProperty().get());
        assertTrue(error == null, error);
        DryRunResultsView results = fx(() -> workbench.view().dryRunResults());
        selectThrowawayTab(results);

        List<String> headings = headings(results);
        assertEquals(1, headings.size(), headings.toString());
        assertTrue(headings.get(0).startsWith("On a throwaway copy (redline_throwaway_"), headings.get(0));
        assertTrue(headings.get(0).endsWith("): ok — the copy was dropped"), headings.get(0));
        assertTrue(robot.lookup("#throwawayCopies").tryQuery().isPresent());
        TableView<?> statements = robot.from(results).lookup("#throwawayCopies .throwaway-statements").queryTableView();
        assertEquals(1, fx(() -> statements.getItems().size()));
        assertTrue(fx(() -> statements.getItems().get(0).toString().contains("outcome=OK")));
        assertTrue(fx(() -> robot.from(results).lookup("#throwawayCopies .throwaway-schema-changes").queryListView()
                .getItems().stream().map(Object::toString).anyMatch(c -> c.contains("customers_name"))));
    }

    @Test
    void aFailedAndAnUnavailableThrowawayCopyShowTheirOutcomeAndReason(FxRobot robot) throws Exception {
        Path file = shop.resolve(ShopFixture.V2);
        DryRunReport.StatementRun index = new DryRunReport.StatementRun(0, 2,
                "CREATE UNIQUE INDEX CONCURRENTLY orders_status ON orders (status)", 4.5,
                DryRunReport.StatementOutcome.ERROR, new DryRunReport.StatementError("23505",
                "could not create unique index \"orders_status\"", "Key (status)=(1) is duplicated."), null,
                List.of(), false, List.of(), List.of(), null);
        DryRunReport.StatementRun after = new DryRunReport.StatementRun(1, 3, "UPDATE orders SET status = 1", 0,
                DryRunReport.StatementOutcome.SKIPPED, null, "not run: an earlier statement failed", List.of(), false,
                List.of(), List.of(), null);
        DryRunReport.ThrowawayRun failed = new DryRunReport.ThrowawayRun(file.toString(),
                "redline_throwaway_20250101120000_x", DryRunReport.ThrowawayOutcome.FAILED,
                "a statement failed on the throwaway copy", List.of(index, after),
                List.of(new DryRunReport.RowCount("orders", 3L, 3L)), List.of(), true, 30);
        DryRunReport.ThrowawayRun unavailable = new DryRunReport.ThrowawayRun(file.toString(), null,
                DryRunReport.ThrowawayOutcome.UNAVAILABLE, "no throwaway copy: the role ann may not create databases "
                + "(it needs CREATEDB)", List.of(), List.of(), List.of(), false, 0);
        DryRunReport.ThrowawayRun elsewhere = new DryRunReport.ThrowawayRun(shop.resolve(ShopFixture.V4).toString(),
                null, DryRunReport.ThrowawayOutcome.UNAVAILABLE, "no throwaway copy: another file", List.of(),
                List.of(), List.of(), false, 0);
        DryRunReport.MigrationRun run = new DryRunReport.MigrationRun(file.toString(), "2",
                DryRunReport.MigrationOutcome.OK, null, false, List.of(), List.of(), List.of(), 1);
        DryRunReport report = new DryRunReport(new DryRunReport.Target("jdbc:postgresql://db/shop", "17.6", null,
                "shop", "ann"), false, null, List.of(run), List.of(), null, null, 40)
                .withThrowawayCopies(List.of(failed, unavailable, elsewhere));

        Stage stage = fx(() -> new Stage());
        DryRunResultsView results = fx(() -> {
            DryRunViewModel model = new DryRunViewModel((p, f, t, st, k, c) -> report,
                    new CurrentThreadTaskExecutor());
            DryRunResultsView view = new DryRunResultsView(model);
            stage.setScene(new Scene(view, 1000, 700));
            stage.show();
            model.start(shop, file, DryRunTarget.embedded());
            return view;
        });
        try {
            selectThrowawayTab(results);
            List<String> headings = headings(results);
            assertEquals(List.of("On a throwaway copy (redline_throwaway_20250101120000_x): failed — the copy was "
                    + "dropped", "Not run on a throwaway copy: the role ann may not create databases (it needs "
                    + "CREATEDB)"), headings);
            List<Label> labels = fx(() -> headingLabels(results));
            assertTrue(fx(() -> labels.get(0).getStyleClass().contains("dry-run-error-text")));
            assertFalse(fx(() -> labels.get(1).getStyleClass().contains("dry-run-error-text")));
            TableView<?> statements = robot.from(results).lookup("#throwawayCopies .throwaway-statements")
                    .queryTableView();
            assertEquals(2, fx(() -> statements.getItems().size()));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> statements
                    .lookupAll(".table-row-cell.failed").size() == 1));
            assertTrue(fx(() -> robot.from(results).lookup("#dryRunFailures").queryListView().getItems().stream()
                    .map(Object::toString).anyMatch(f -> f.contains("On the throwaway copy, line 2: SQLSTATE 23505"))));
            assertTrue(fx(() -> robot.from(results).lookup(".dry-run-heading").queryAs(Label.class).getText()
                    .contains("Dry-run failed")));
        } finally {
            fx(() -> {
                stage.close();
                return null;
            });
        }
    }

    @Test
    void theThrowawayCopyCheckboxIsForJdbcTargetsAndReachesTheTarget(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> fx(() -> workbench.model().editor().migrationProperty().get() != null));
        fx(() -> {
            workbench.view().openDryRun();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#throwawayCopyCheck").tryQuery().isPresent());
        CheckBox check = robot.lookup("#throwawayCopyCheck").queryAs(CheckBox.class);
        assertTrue(fx(() -> check.getText().startsWith("Also run it whole on a throwaway copy")));
        assertFalse(fx(check::isSelected), "off by default");
        assertTrue(fx(check::isDisabled), "only for a JDBC target");
        fx(() -> {
            robot.lookup("#targetJdbc").queryAs(javafx.scene.control.RadioButton.class).setSelected(true);
            robot.lookup("#jdbcUrl").queryAs(javafx.scene.control.TextField.class)
                    .setText("jdbc:postgresql://127.0.0.1:1/shop?user=u&connectTimeout=2");
            return null;
        });
        assertFalse(fx(check::isDisabled));
        fx(() -> {
            check.setSelected(true);
            return null;
        });
        robot.clickOn("#dryRunStart");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> !workbench.dryRun().isRunning()
                && workbench.dryRun().errorProperty().get() != null)); // nothing listens on port 1
        assertTrue(fx(() -> workbench.dryRun().lastWasJdbc()));
        assertTrue(fx(() -> workbench.dryRun().lastThrowawayCopy()), "the choice reached the JDBC target");

        fx(() -> {
            workbench.view().openDryRun();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#throwawayCopyCheck").tryQuery().isPresent());
        assertTrue(fx(() -> robot.lookup("#throwawayCopyCheck").queryAs(CheckBox.class).isSelected()),
                "remembered for the session");
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dryRunDialog").tryQuery().isEmpty());
    }

    private void selectMigration(String relativePath, String containing) throws Exception {
        fx(() -> {
            workbench.model().refresh();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> workbench.model().migrations().entries()
                .stream().anyMatch(e -> e.migration().relativePath().equals(relativePath))));
        fx(() -> {
            workbench.model().migrations().entries().stream()
                    .filter(e -> e.migration().relativePath().equals(relativePath)).findFirst()
                    .ifPresent(e -> workbench.model().migrations().select(e.migration()));
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> {
            var m = workbench.model().editor().migrationProperty().get();
            return m != null && m.relativePath().equals(relativePath)
                    && workbench.view().editor().area().getText().contains(containing);
        }));
    }

    /** Brings the results' "Throwaway copy" tab to the front, failing when there is none. */
    private static void selectThrowawayTab(DryRunResultsView results) throws Exception {
        assertTrue(fx(() -> {
            TabPane tabs = (TabPane) results.lookup(".tab-pane");
            var tab = tabs.getTabs().stream().filter(t -> "Throwaway copy".equals(t.getText())).findFirst();
            tab.ifPresent(t -> tabs.getSelectionModel().select(t));
            return tab.isPresent();
        }), "a Throwaway copy tab");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> headings(DryRunResultsView results) throws Exception {
        return fx(() -> headingLabels(results).stream().map(Label::getText).toList());
    }

    /** The section's headings, in order. */
    private static List<Label> headingLabels(DryRunResultsView results) {
        return results.throwawayCopies().getChildren().stream()
                .filter(n -> n.getStyleClass().contains("throwaway-heading")).map(Label.class::cast).toList();
    }
}

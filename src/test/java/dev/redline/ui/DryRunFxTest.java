package dev.redline.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless: dry-runs the shop's V2 on the embedded PostgreSQL and shows its row counts. */
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
}

package dev.redline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.model.Finding;
import dev.redline.ui.migrations.MigrationEntry;
import dev.redline.ui.project.WorkbenchSettings;
import dev.redline.ui.task.FxTaskExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless (Monocle): opens the shop fixture, selects migrations, checks the contract's style
 * classes in the editor, ticks checklist points, follows findings, edits and saves, and shows bad input in place.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkbenchFxTest {

    @TempDir
    static Path dir;

    private Workbench workbench;
    private Path shop;
    private WorkbenchViewModelTest.FakeDialogs dialogs;

    @Start
    void start(Stage stage) throws IOException {
        Path here = Files.createTempDirectory(dir, "case");
        shop = ShopFixture.copyTo(here);
        dialogs = new WorkbenchViewModelTest.FakeDialogs();
        workbench = new Workbench(stage, new FxTaskExecutor(2), WorkbenchSettings.load(here.resolve("config")),
                FolderWatch.NONE, window -> dialogs);
        stage.show();
        workbench.open(shop);
    }

    @AfterEach
    void closeHover() throws Exception {
        fx(() -> {
            workbench.view().editor().hover().hide();
            return null;
        });
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private CodeArea area() {
        return workbench.view().editor().area();
    }

    private void waitForMigration(String path) throws Exception {
        waitUntil(() -> workbench.model().editor().migrationProperty().get() != null
                && workbench.model().editor().migrationProperty().get().relativePath().equals(path)
                && area().getText().equals(Files.readString(shop.resolve(path)))
                && workbench.model().editor().highlightProperty().get() != null
                && workbench.model().editor().highlightProperty().get().text().equals(area().getText()));
    }

    private Collection<String> styleAt(String needle) throws Exception {
        return fx(() -> area().getStyleOfChar(area().getText().indexOf(needle) + 1));
    }

    @Test
    void opensTheProjectWithBadgesAndSelectsTheFirstMigrationNeedingReview(FxRobot robot) throws Exception {
        waitForMigration(ShopFixture.V2);
        ListView<MigrationEntry> list = robot.lookup("#migrationList").queryListView();
        assertEquals(4, fx(() -> list.getItems().size()));
        assertEquals(List.of("safe", "destructive", "safe", "risky"),
                fx(() -> robot.lookup("#migrationList .badge").queryAllAs(Label.class).stream()
                        .filter(Node::isVisible).map(Label::getText).limit(4).toList()));
        assertEquals("V2__cleanup.sql", fx(() -> list.getSelectionModel().getSelectedItem().name()));
        Label headline = robot.lookup("#summaryHeadline").queryAs(Label.class);
        assertEquals("4 migrations · 2 need review", fx(headline::getText));
        Button next = robot.lookup("#nextReviewButton").queryButton();
        assertTrue(fx(next::getText).contains("V4__rename_status.sql"));
    }

    @Test
    void theDropStatementCarriesTheDestructiveClass(FxRobot robot) throws Exception {
        waitForMigration(ShopFixture.V2);
        assertTrue(styleAt("DROP COLUMN phone").contains("destructive"), styleAt("DROP COLUMN phone").toString());
        assertTrue(styleAt("DROP COLUMN phone").contains("keyword"));
        assertTrue(styleAt("phone;").contains("destructive"));
        assertTrue(styleAt("CREATE INDEX").contains("risky"));
        assertFalse(styleAt("CREATE INDEX").contains("destructive"));
        assertTrue(styleAt("cleanup").contains("comment"));
        int drop = fx(() -> area().getText().indexOf("DROP COLUMN"));
        assertTrue(fx(() -> area().getStyleSpans(drop, drop + 4).getStyleSpan(0).getStyle()).contains("destructive"));
        // a marker in the gutter on the DROP's line
        assertFalse(robot.lookup(".gutter-marker.marker-destructive").queryAll().isEmpty());
    }

    @Test
    void clickingAndArrowKeysSelectMigrations(FxRobot robot) throws Exception {
        waitForMigration(ShopFixture.V2);
        robot.clickOn("V4__rename_status.sql");
        waitForMigration(ShopFixture.V4);
        assertTrue(styleAt("RENAME COLUMN").contains("risky"));
        robot.type(KeyCode.UP);
        waitForMigration(ShopFixture.V3);
        robot.type(KeyCode.HOME);
        waitForMigration(ShopFixture.V1);

        robot.clickOn("#migrationFilter").write("rename");
        waitUntil(() -> robot.lookup("#migrationList").queryListView().getItems().size() == 1);
        robot.type(KeyCode.DOWN);
        waitForMigration(ShopFixture.V4);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#migrationList").queryListView().getItems().size() == 4);
    }

    @Test
    void tickingCheckpoints(FxRobot robot) throws Exception {
        waitForMigration(ShopFixture.V2);
        for (int i = 1; i <= 6; i++) {
            assertNotNull(robot.lookup("#checkpoint" + i).queryAs(CheckBox.class), "checkpoint" + i);
        }
        robot.clickOn("#checkpoint1");
        robot.clickOn("#checkpoint3");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> robot.lookup("#checkpoint1").queryAs(CheckBox.class).isSelected()));
        assertEquals(2, fx(() -> workbench.model().checklist().tickedProperty().get()));
        assertTrue(fx(() -> robot.lookup("#answer1").queryAs(Label.class).getText())
                .contains("public.customers.phone"));

        robot.clickOn("V4__rename_status.sql");
        waitForMigration(ShopFixture.V4);
        assertFalse(fx(() -> robot.lookup("#checkpoint1").queryAs(CheckBox.class).isSelected()));
        robot.clickOn("V2__cleanup.sql");
        waitForMigration(ShopFixture.V2);
        assertTrue(fx(() -> robot.lookup("#checkpoint1").queryAs(CheckBox.class).isSelected()), "ticks kept");
    }

    /** Wrapped finding messages get the height they need: no cell's text runs into the next cell. */
    @Test
    void findingCellsAreAsTallAsTheirWrappedMessages(FxRobot robot) throws Exception {
        waitForMigration(ShopFixture.V2);
        ListView<Finding> findings = robot.lookup("#findings").queryListView();
        waitUntil(() -> !findings.getItems().isEmpty());
        // The window of the screenshot that showed overlapping findings: 1600 x 1000, the list then re-filled.
        robot.interact(() -> {
            javafx.stage.Window w = findings.getScene().getWindow();
            w.setWidth(1600);
            w.setHeight(1000);
        });
        waitForMigration(ShopFixture.V2);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = fx(() -> {
            List<String> out = new java.util.ArrayList<>();
            boolean wrapped = false;
            for (Node n : findings.lookupAll(".list-cell")) {
                if (!(n instanceof javafx.scene.control.ListCell<?> cell) || cell.getGraphic() == null
                        || !cell.isVisible()) {
                    continue;
                }
                javafx.scene.control.Label message = (javafx.scene.control.Label) cell.getGraphic()
                        .lookup(".finding-message");
                double needed = message.prefHeight(message.getWidth());
                wrapped |= needed > message.getFont().getSize() * 2.2;
                if (message.getHeight() + 0.5 < needed) {
                    out.add("cell " + cell.getIndex() + ": message " + message.getHeight() + " px high, needs " + needed);
                }
                double graphicBottom = cell.getGraphic().getBoundsInParent().getMaxY();
                if (graphicBottom > cell.getHeight() + 0.5) {
                    out.add("cell " + cell.getIndex() + ": content ends at " + graphicBottom + ", cell is "
                            + cell.getHeight() + " px high");
                }
            }
            if (!wrapped) {
                out.add("no finding message wrapped: the window is too wide for this test to mean anything");
            }
            return out;
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void followingAFindingSelectsItsStatement(FxRobot robot) throws Exception {
        waitForMigration(ShopFixture.V2);
        Hyperlink update = robot.lookup("#checklist .finding-link").queryAllAs(Hyperlink.class).stream()
                .filter(l -> l.getText().contains("update-without-where")).findFirst().orElseThrow();
        robot.clickOn(update);
        waitUntil(() -> area().getCurrentParagraph() == 3);
        assertTrue(fx(() -> area().getSelectedText()).startsWith("UPDATE orders"));

        ListView<Finding> findings = robot.lookup("#findings").queryListView();
        int dropIndex = fx(() -> findings.getItems().stream().map(Finding::rule).toList().indexOf("drop-column"));
        robot.interact(() -> findings.scrollTo(dropIndex));
        Node cell = robot.lookup("#findings .list-cell").queryAll().stream()
                .filter(c -> c instanceof javafx.scene.control.ListCell<?> lc && lc.getIndex() == dropIndex)
                .findFirst().orElseThrow();
        robot.clickOn(cell);
        waitUntil(() -> area().getCurrentParagraph() == 1);
        assertEquals("phone", fx(() -> area().getSelectedText()).replace("DROP COLUMN ", ""));
    }

    @Test
    void typingReanalysesLiveAndCtrlSSavesUndoWorks(FxRobot robot) throws Exception {
        waitForMigration(ShopFixture.V2);
        robot.clickOn("V3__add_email.sql");
        waitForMigration(ShopFixture.V3);
        robot.clickOn("#sqlEditor");
        robot.press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
        robot.write("DROP TABLE orders;");
        waitUntil(() -> workbench.model().checklist().findings().stream().anyMatch(f -> f.rule().equals("drop-table")));
        assertTrue(styleAt("DROP TABLE orders").contains("destructive"));
        assertTrue(fx(() -> workbench.model().editor().isDirty()));
        assertEquals("destructive", fx(() -> workbench.model().migrations().entries().get(2).status().label()));

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> !workbench.model().editor().isDirty());
        assertTrue(Files.readString(shop.resolve(ShopFixture.V3)).endsWith("DROP TABLE orders;"));

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(() -> !area().getText().endsWith("DROP TABLE orders;"));
        assertTrue(fx(() -> workbench.model().editor().isDirty()));
    }

    @Test
    void dryRunIsEnabledForTheSelectedMigrationAndSignOffWaitsForTheSixTicks(FxRobot robot) throws Exception {
        waitForMigration(ShopFixture.V2);
        Button dryRun = robot.lookup("#dryRunButton").queryButton();
        Button signOff = robot.lookup("#signOffButton").queryButton();
        assertFalse(fx(dryRun::isDisabled));
        assertTrue(signOff.isDisabled());
        assertTrue(dryRun.getTooltip().getText().contains("Ctrl+Enter"));
        assertTrue(signOff.getTooltip().getText().contains("six"));
    }

    @Test
    void hoveringAFindingShowsRuleMessageAndSaferAlternative(FxRobot robot) throws Exception {
        waitForMigration(ShopFixture.V2);
        Point2D target = fx(() -> {
            int at = area().getText().indexOf("phone;");
            Bounds b = area().getCharacterBoundsOnScreen(at, at + 1).orElseThrow();
            return new Point2D(b.getCenterX(), b.getCenterY());
        });
        robot.moveTo(target.add(-40, 0)).moveTo(target);
        waitUntil(() -> workbench.view().editor().hover().isShowing());
        String text = fx(() -> workbench.view().editor().hover().getText());
        assertTrue(text.contains("destructive · drop-column"), text);
        assertTrue(text.contains("Drops column public.customers.phone"), text);
        assertTrue(text.contains("Safer: Stop reading and writing the column"), text);
    }

    @Test
    void badInputIsShownInTheWindow(FxRobot robot) throws Exception {
        waitForMigration(ShopFixture.V2);
        Files.write(shop.resolve("db/migration/V5__latin1.sql"),
                "UPDATE customers SET name = 'Jos\u00e9' WHERE id = 1;".getBytes(StandardCharsets.ISO_8859_1));
        robot.interact(() -> workbench.model().refresh());
        waitUntil(() -> workbench.model().migrations().entries().size() == 5);
        robot.clickOn("V5__latin1.sql");
        waitUntil(() -> workbench.model().editor().migrationProperty().get().relativePath().endsWith("V5__latin1.sql"));
        assertFalse(fx(() -> area().isEditable()));
        Node banner = robot.lookup("#editorBanner").query();
        assertTrue(fx(banner::isVisible));
        assertTrue(fx(() -> robot.lookup("#editorBanner .label").queryAs(Label.class).getText())
                .contains("not valid UTF-8"));

        robot.interact(() -> workbench.open(dir.resolve("no-such-folder")));
        waitUntil(() -> robot.lookup("#noticeBanner").query().isVisible());
        assertTrue(fx(() -> robot.lookup("#noticeText").queryAs(Label.class).getText()).contains("does not exist"));
        assertEquals(5, fx(() -> workbench.model().migrations().entries().size()), "the open project stays");
    }

    @Test
    void ctrlOOpensAnotherFolderAndF5ReanalysesAndTheRecentListRemembersBoth(FxRobot robot) throws Exception {
        waitForMigration(ShopFixture.V2);
        Path other = Files.createDirectories(shop.resolveSibling("other"));
        Files.writeString(other.resolve("001_drop.sql"), "DROP TABLE customers;\n");
        dialogs.chosen = other;
        robot.clickOn("#sqlEditor");
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        waitUntil(() -> other.toAbsolutePath().normalize().equals(workbench.model().project().root())
                && workbench.model().migrations().entries().size() == 1);
        assertEquals(List.of(other.toAbsolutePath().normalize(), shop.toAbsolutePath().normalize()),
                fx(() -> List.copyOf(workbench.model().project().recentProjects())));

        Files.writeString(other.resolve("002_more.sql"), "SELECT 1;\n");
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitUntil(() -> workbench.model().migrations().entries().size() == 2);
    }

    @Test
    void darkThemeTogglesFromTheViewMenu(FxRobot robot) throws Exception {
        robot.clickOn("View").clickOn("Dark Theme");
        waitUntil(() -> Application.getUserAgentStylesheet().contains("primer-dark"));
        assertTrue(fx(() -> workbench.model().darkProperty().get()));
        robot.clickOn("View").clickOn("Dark Theme");
        waitUntil(() -> Application.getUserAgentStylesheet().contains("primer-light"));
    }

    @Test
    void aFileChangedOnDiskWhileEditedAsksInTheBanner(FxRobot robot) throws Exception {
        waitForMigration(ShopFixture.V2);
        robot.clickOn("#sqlEditor");
        robot.press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
        robot.write("-- mine");
        waitUntil(() -> workbench.model().editor().text().endsWith("-- mine"));
        Files.writeString(shop.resolve(ShopFixture.V2), "-- theirs\n");
        robot.interact(() -> workbench.model().refresh());
        waitUntil(() -> robot.lookup("#keepMineButton").query().isVisible());
        assertTrue(fx(() -> area().getText().endsWith("-- mine")), "edits not discarded");
        // The choices keep their whole labels however narrow the editor is; the message wraps instead.
        robot.interact(() -> robot.lookup("#sqlEditor").query().getScene().getWindow().setWidth(900));
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#reloadButton", "#keepMineButton")) {
            javafx.scene.control.Button b = robot.lookup(id).queryAs(javafx.scene.control.Button.class);
            assertTrue(fx(() -> b.getWidth() + 0.5 >= b.prefWidth(-1)),
                    () -> id + " is cut: " + b.getWidth() + " px of " + b.prefWidth(-1));
        }
        robot.clickOn("#reloadButton");
        waitUntil(() -> area().getText().equals("-- theirs\n"));
        Optional<Node> keep = robot.lookup("#keepMineButton").tryQuery();
        assertFalse(fx(() -> keep.orElseThrow().isVisible()));
    }
}

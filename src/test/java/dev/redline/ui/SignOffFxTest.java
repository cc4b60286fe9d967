package dev.redline.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.review.ReviewState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless: ticks the six points of V2, signs it off, sees the badge; an edit makes it stale. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SignOffFxTest extends ShopWindowFxTest {

    @Start
    void start(Stage stage) throws IOException {
        openShop(stage);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ReviewState v2State() {
        return workbench.model().migrations().reviewStates().get(shop.resolve(ShopFixture.V2));
    }

    @Test
    void signingOffWritesTheReviewFileAndAnEditMakesItStale(FxRobot robot) throws Exception {
        waitUntil(() -> {
            var m = workbench.model().editor().migrationProperty().get();
            return m != null && m.relativePath().equals(ShopFixture.V2);
        });
        waitUntil(() -> v2State() == ReviewState.MISSING);
        Button signOff = robot.lookup("#signOffButton").queryButton();
        assertTrue(fx(signOff::isDisabled));
        fx(() -> {
            for (int i = 1; i <= 6; i++) {
                robot.lookup("#checkpoint" + i).queryAs(CheckBox.class).setSelected(true);
            }
            return null;
        });
        waitUntil(() -> !signOff.isDisabled());

        robot.clickOn("#signOffButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#signOffConfirm").tryQuery().isPresent());
        fx(() -> {
            robot.lookup("#reviewer").queryAs(TextField.class).setText("Ada Reviewer <ada@example.com>");
            robot.lookup("#pointNote1").queryAs(TextField.class).setText("checked the backups");
            return null;
        });
        robot.clickOn("#signOffConfirm");

        Path reviewFile = shop.resolve(ShopFixture.V2 + ".review.json");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(reviewFile));
        assertTrue(Files.readString(reviewFile).contains("checked the backups"));
        waitUntil(() -> v2State() == ReviewState.APPROVED);
        waitUntil(() -> robot.lookup("#migrationList .review-approved").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.isVisible() && l.getText().equals("approved")));

        Files.writeString(shop.resolve(ShopFixture.V2), "\n-- one more line\n", StandardOpenOption.APPEND);
        fx(() -> {
            workbench.model().refresh();
            return null;
        });
        waitUntil(() -> v2State() == ReviewState.STALE);
        waitUntil(() -> robot.lookup("#migrationList .review-stale").tryQuery().isPresent());
    }
}

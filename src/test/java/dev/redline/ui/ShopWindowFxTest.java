package dev.redline.ui;

import dev.redline.ui.project.WorkbenchSettings;
import dev.redline.ui.task.FxTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless, with a fresh copy of the shop fixture open before each test, so the window tests that
 * need nothing more share one way of getting there. Each subclass still declares its own {@code @Start} method that
 * calls {@link #openShop}: TestFX looks for {@code @Start} only among the test class's own methods, not inherited
 * ones. Subclasses set their own {@code @Timeout}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class ShopWindowFxTest {

    @TempDir
    static Path dir;

    protected Workbench workbench;
    protected Path shop;

    /** Shows the workbench in {@code stage} with a fresh copy of the shop open; call it from {@code @Start}. */
    protected void openShop(Stage stage) throws IOException {
        Path here = Files.createTempDirectory(dir, "case");
        shop = ShopFixture.copyTo(here);
        workbench = new Workbench(stage, new FxTaskExecutor(2), WorkbenchSettings.load(here.resolve("config")),
                FolderWatch.NONE, window -> new WorkbenchViewModelTest.FakeDialogs());
        stage.show();
        workbench.open(shop);
    }

    /** Runs {@code read} on the FX thread and returns its result, failing after ten seconds. */
    protected static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}

package dev.redline.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.analysis.ProjectAnalyzer;
import dev.redline.ui.task.CurrentThreadTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The editor view alone: CRLF files keep findings in place, and restyling only changed lines is exact. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SqlEditorViewFxTest {

    @TempDir
    static Path dir;

    private EditorViewModel model;
    private SqlEditorView view;

    @Start
    void start(Stage stage) {
        model = new EditorViewModel(new ProjectAnalyzer(), new CurrentThreadTaskExecutor());
        view = new SqlEditorView(model);
        stage.setScene(new Scene(view, 800, 500));
        stage.show();
    }

    private ProjectAnalysis project(String name, String text) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("001_change.sql"), text);
        return new ProjectAnalyzer().analyze(folder, false);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    void crlfFilesAreShownWithTheirFindingsInPlace(FxRobot robot) throws Exception {
        String text = "-- a CRLF file\r\nSELECT 1;\r\nALTER TABLE customers DROP COLUMN phone;\r\n";
        ProjectAnalysis p = project("crlf", text);
        MigrationAnalysis a = p.migrations().get(0);
        robot.interact(() -> model.open(a, p.sets().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        CodeArea area = view.area();
        String shown = text.replace("\r\n", "\n");
        assertEquals(shown, fx(area::getText));
        int drop = shown.indexOf("DROP COLUMN");
        Collection<String> atDrop = fx(() -> area.getStyleOfChar(drop + 1));
        assertTrue(atDrop.contains("destructive"), atDrop.toString());
        int table = shown.indexOf("TABLE");
        assertTrue(fx(() -> area.getStyleOfChar(table + 1)).contains("keyword"), "TABLE, not shifted by the CRs");
        assertEquals(drop, fx(() -> model.findingsAt(drop)).stream().filter(f -> f.rule().equals("drop-column"))
                .findFirst().orElseThrow().start());
    }

    @Test
    void restylingChangedLinesEqualsRestylingEverything(FxRobot robot) throws Exception {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            sql.append("ALTER TABLE t").append(i).append(" ADD COLUMN c text; -- line ").append(i).append('\n');
        }
        ProjectAnalysis p = project("long", sql.toString());
        robot.interact(() -> model.open(p.migrations().get(0), p.sets().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        CodeArea area = view.area();
        // an edit in the middle: a DROP appears on line 101
        robot.interact(() -> {
            int at = area.getAbsolutePosition(100, 0);
            area.insertText(at, "DROP TABLE t5;\n");
            model.edited(area.getText());
        });
        WaitForAsyncUtils.waitForFxEvents();
        int drop = fx(() -> area.getText().indexOf("DROP TABLE t5"));
        assertTrue(fx(() -> area.getStyleOfChar(drop + 1)).contains("destructive"));
        Highlight h = fx(() -> model.highlightProperty().get());
        assertEquals(fx(area::getText), h.text());
        int lines = fx(() -> area.getParagraphs().size());
        for (int i = 0; i < lines; i++) {
            var wanted = h.paragraphs().get(i);
            int line = i;
            var actual = fx(() -> area.getParagraph(line).getStyleSpans());
            assertTrue(wanted.length() == 0 || SqlHighlighting.sameStyles(actual, wanted),
                    "line " + (i + 1) + " is styled as a full restyle would: " + actual + " vs " + wanted);
        }
    }
}

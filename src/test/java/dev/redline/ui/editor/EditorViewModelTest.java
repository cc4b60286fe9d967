package dev.redline.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.analysis.ProjectAnalyzer;
import dev.redline.core.model.Finding;
import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationSet;
import dev.redline.ui.ShopFixture;
import dev.redline.ui.dialog.Notice;
import dev.redline.ui.task.CurrentThreadTaskExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's logic without a window: live re-analysis, saving, and changes made on disk by other programs. */
class EditorViewModelTest {

    @TempDir
    Path dir;

    private final ProjectAnalyzer analyzer = new ProjectAnalyzer();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final EditorViewModel editor = new EditorViewModel(analyzer, executor);
    private final List<MigrationAnalysis> live = new ArrayList<>();
    private final List<Path> saved = new ArrayList<>();
    private Path project;
    private ProjectAnalysis analysis;

    @BeforeEach
    void openShop() {
        project = ShopFixture.copyTo(dir);
        analysis = analyzer.analyze(project, false);
        editor.setOnLiveAnalysis(live::add);
        editor.setOnSaved(saved::add);
    }

    private MigrationAnalysis migration(String path) {
        return analysis.migrations().stream().filter(m -> m.migration().relativePath().equals(path)).findFirst()
                .orElseThrow();
    }

    private MigrationSet set() {
        return analysis.sets().get(0);
    }

    private void open(String path) {
        editor.open(migration(path), set());
    }

    private List<String> rules() {
        return editor.analysis().findings().stream().map(Finding::rule).toList();
    }

    private Optional<MigrationSet> setOf(Migration m) {
        return Optional.of(set());
    }

    @Test
    void opensTheTextAndItsHighlighting() {
        open(ShopFixture.V2);
        assertEquals(migration(ShopFixture.V2).source().text(), editor.textLoadProperty().get().text());
        assertTrue(editor.textLoadProperty().get().newDocument());
        Highlight h = editor.highlightProperty().get();
        int drop = h.text().indexOf("DROP COLUMN");
        assertTrue(SqlHighlightingTest.styleAt(h.spans(), drop).contains("destructive"));
        assertTrue(editor.editableProperty().get());
        assertFalse(editor.isDirty());
        assertEquals(ShopFixture.V2, editor.titleProperty().get());
    }

    @Test
    void editsAreReanalysedAgainstTheSchemaBeforeTheMigration() {
        open(ShopFixture.V3);
        assertFalse(rules().contains("drop-column"));
        editor.touched();
        assertTrue(editor.isDirty());
        assertEquals(ShopFixture.V3 + " ●", editor.titleProperty().get());
        String text = editor.text() + "ALTER TABLE customers DROP COLUMN name;\n";
        editor.edited(text);
        assertTrue(rules().contains("drop-column"));
        Finding drop = editor.analysis().findings().stream().filter(f -> f.rule().equals("drop-column")).findFirst()
                .orElseThrow();
        assertEquals("public.customers.name", drop.target(), "the schema before V3 knows customers");
        assertEquals(4, drop.line());
        assertEquals(text, editor.highlightProperty().get().text());
        assertEquals(1, live.size());
        assertTrue(editor.unsavedFiles().contains(migration(ShopFixture.V3).migration().file()));
    }

    @Test
    void typingBackToTheSavedTextIsNotDirty() {
        open(ShopFixture.V3);
        String original = editor.text();
        editor.touched();
        editor.edited(original + "-- x\n");
        assertTrue(editor.isDirty());
        editor.touched();
        editor.edited(original);
        assertFalse(editor.isDirty());
        assertTrue(editor.unsavedFiles().isEmpty());
    }

    @Test
    void switchingMigrationsKeepsEachFilesUnsavedText() {
        open(ShopFixture.V3);
        String edited = editor.text() + "DROP TABLE orders;\n";
        editor.touched();
        editor.setTextSource(() -> edited); // the view's text, not yet delivered by the debounce
        open(ShopFixture.V4);
        assertFalse(editor.isDirty());
        editor.setTextSource(null);
        open(ShopFixture.V3);
        assertEquals(edited, editor.textLoadProperty().get().text());
        assertTrue(editor.isDirty());
        assertTrue(rules().contains("drop-table"));
    }

    @Test
    void saveWritesAtomicallyAndReportsIt() throws IOException {
        open(ShopFixture.V3);
        Path file = migration(ShopFixture.V3).migration().file();
        String text = editor.text() + "-- reviewed\n";
        editor.touched();
        editor.edited(text);
        editor.save();
        assertEquals(text, Files.readString(file));
        assertFalse(editor.isDirty());
        assertEquals(List.of(file), saved);
        assertEquals(Notice.Kind.INFO, editor.noticeProperty().get().kind());
        try (var leftovers = Files.list(file.getParent())) {
            assertTrue(leftovers.noneMatch(p -> p.toString().endsWith(".redline-tmp")), "no temporary file left");
        }
    }

    @Test
    void saveRefusesToOverwriteAFileChangedOnDiskMeanwhile() throws IOException {
        open(ShopFixture.V3);
        Path file = migration(ShopFixture.V3).migration().file();
        Files.writeString(file, "-- changed by an agent\n");
        editor.touched();
        editor.edited(editor.text() + "-- mine\n");
        editor.save();
        assertEquals("-- changed by an agent\n", Files.readString(file), "not overwritten without asking");
        EditorViewModel.ConflictPrompt prompt = editor.conflictProperty().get();
        assertNotNull(prompt);
        assertTrue(prompt.canOverwrite());
        assertTrue(editor.isDirty());

        editor.overwrite();
        assertTrue(Files.readString(file).endsWith("-- mine\n"));
        assertNull(editor.conflictProperty().get());
        assertFalse(editor.isDirty());
    }

    @Test
    void aFileChangedOnDiskReloadsWhenThereAreNoEdits() throws IOException {
        open(ShopFixture.V3);
        Path file = migration(ShopFixture.V3).migration().file();
        Files.writeString(file, "ALTER TABLE customers DROP COLUMN name;\n");
        analysis = analyzer.analyze(project, false);
        editor.projectRefreshed(analysis, this::setOf);
        assertEquals("ALTER TABLE customers DROP COLUMN name;\n", editor.textLoadProperty().get().text());
        assertFalse(editor.textLoadProperty().get().newDocument(), "a reload is undoable");
        assertTrue(rules().contains("drop-column"));
        assertEquals(Notice.Kind.INFO, editor.noticeProperty().get().kind());
        assertNull(editor.conflictProperty().get());
    }

    @Test
    void aFileChangedOnDiskWhileEditedAsksInsteadOfDiscarding() throws IOException {
        open(ShopFixture.V3);
        Path file = migration(ShopFixture.V3).migration().file();
        String mine = editor.text() + "-- mine\n";
        editor.touched();
        editor.edited(mine);
        Files.writeString(file, "-- theirs\n");
        analysis = analyzer.analyze(project, false);
        editor.projectRefreshed(analysis, this::setOf);
        assertEquals(mine, editor.text(), "edits kept");
        EditorViewModel.ConflictPrompt prompt = editor.conflictProperty().get();
        assertTrue(prompt.canReload() && prompt.canKeep());

        editor.keepMine();
        assertNull(editor.conflictProperty().get());
        editor.save(); // the user chose: no second question
        assertEquals(mine, Files.readString(file));
    }

    @Test
    void reloadFromDiskDropsTheEditsWhenAsked() throws IOException {
        open(ShopFixture.V3);
        Path file = migration(ShopFixture.V3).migration().file();
        editor.touched();
        editor.edited(editor.text() + "-- mine\n");
        Files.writeString(file, "-- theirs\n");
        editor.projectRefreshed(analyzer.analyze(project, false), this::setOf);
        editor.reloadFromDisk();
        assertEquals("-- theirs\n", editor.text());
        assertFalse(editor.isDirty());
        assertNull(editor.conflictProperty().get());
    }

    @Test
    void aFileDeletedWhileOpenKeepsItsTextAndSavingRecreatesIt() throws IOException {
        open(ShopFixture.V2);
        Path file = migration(ShopFixture.V2).migration().file();
        String text = editor.text();
        Files.delete(file);
        editor.projectRefreshed(analyzer.analyze(project, false), this::setOf);
        assertEquals(text, editor.text());
        assertTrue(editor.isDirty(), "the text is no longer on disk anywhere");
        assertTrue(editor.conflictProperty().get().message().contains("deleted"));
        editor.save();
        assertEquals(text, Files.readString(file));
        assertFalse(editor.isDirty());
    }

    @Test
    void anUnreadableFileIsShownReadOnlyWithItsReason() throws IOException {
        Path bad = project.resolve("db/migration/V5__latin1.sql");
        Files.write(bad, "UPDATE customers SET name = 'Jos\u00e9' WHERE id = 1;".getBytes(StandardCharsets.ISO_8859_1));
        analysis = analyzer.analyze(project, false);
        open("db/migration/V5__latin1.sql");
        assertFalse(editor.editableProperty().get());
        assertEquals("", editor.textLoadProperty().get().text());
        Notice notice = editor.noticeProperty().get();
        assertEquals(Notice.Kind.ERROR, notice.kind());
        assertTrue(notice.text().contains("not valid UTF-8"), notice.text());
        editor.touched();
        editor.edited("DROP TABLE x;");
        assertFalse(editor.isDirty(), "a read-only file takes no edits");
        editor.save();
        assertTrue(Files.readAllBytes(bad).length > 0);

        // fixed on disk by another program: it becomes editable
        Files.writeString(bad, "UPDATE customers SET name = 'José' WHERE id = 1;");
        editor.projectRefreshed(analyzer.analyze(project, false), this::setOf);
        assertTrue(editor.editableProperty().get());
        assertTrue(editor.text().contains("José"));
    }

    @Test
    void saveFailureKeepsTheEdits() throws IOException {
        open(ShopFixture.V3);
        Path file = migration(ShopFixture.V3).migration().file();
        editor.touched();
        editor.edited(editor.text() + "-- mine\n");
        // the folder is replaced by a file: the save cannot happen
        Path folder = file.getParent();
        try (var files = Files.list(folder)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(folder);
        Files.writeString(folder, "not a folder");
        editor.save();
        assertTrue(editor.isDirty());
        assertEquals(Notice.Kind.ERROR, editor.noticeProperty().get().kind());
        assertTrue(editor.noticeProperty().get().text().contains("Your edits are kept"));
    }

    @Test
    void findingsAtAnOffsetAndReveal() {
        open(ShopFixture.V2);
        String text = editor.text();
        List<Finding> here = editor.findingsAt(text.indexOf("phone"));
        assertEquals(List.of("missing-lock-timeout", "drop-column"), here.stream().map(Finding::rule).toList());
        assertTrue(editor.findingsAt(text.indexOf("cleanup")).isEmpty());

        Finding update = editor.analysis().findings().stream().filter(f -> f.rule().equals("update-without-where"))
                .findFirst().orElseThrow();
        editor.reveal(update);
        EditorViewModel.Reveal first = editor.revealProperty().get();
        assertEquals(4, first.line());
        editor.reveal(update);
        assertTrue(editor.revealProperty().get() != first, "revealing the same finding again is a new request");
    }

    @Test
    void crlfFilesAreEditedWithNewlinesAndSavedWithTheirOwnLineEndings() throws IOException {
        Path file = project.resolve(ShopFixture.V3);
        Files.writeString(file, Files.readString(file).replace("\n", "\r\n"));
        analysis = analyzer.analyze(project, false);
        open(ShopFixture.V3);
        String shown = editor.textLoadProperty().get().text();
        assertFalse(shown.contains("\r"), "the editor shows \\n line ends");
        int alter = shown.indexOf("ALTER TABLE");
        assertTrue(editor.findingsAt(alter).isEmpty() || editor.findingsAt(alter).get(0).start() <= alter);
        assertTrue(SqlHighlightingTest.styleAt(editor.highlightProperty().get().spans(), alter).contains("keyword"),
                "offsets are those of the shown text");
        assertFalse(editor.isDirty());
        editor.touched();
        editor.edited(shown + "-- reviewed\n");
        editor.save();
        assertEquals(Files.readString(migration(ShopFixture.V3).migration().file()),
                (shown + "-- reviewed\n").replace("\n", "\r\n"));
        assertFalse(editor.isDirty());

        // reloading after the save sees no change: the disk holds exactly what was written
        editor.projectRefreshed(analyzer.analyze(project, false), this::setOf);
        assertNull(editor.conflictProperty().get());
        assertFalse(editor.isDirty());
    }

    @Test
    void saveAllReportsWhenEveryFileIsWritten() throws IOException {
        open(ShopFixture.V3);
        editor.touched();
        editor.edited(editor.text() + "-- a\n");
        open(ShopFixture.V4);
        editor.touched();
        editor.edited(editor.text() + "-- b\n");
        assertTrue(editor.hasUnsavedEdits());
        boolean[] done = {false};
        editor.saveAll(ok -> done[0] = ok);
        assertTrue(done[0]);
        assertFalse(editor.hasUnsavedEdits());
        assertTrue(Files.readString(migration(ShopFixture.V3).migration().file()).endsWith("-- a\n"));
        assertTrue(Files.readString(migration(ShopFixture.V4).migration().file()).endsWith("-- b\n"));
    }
}

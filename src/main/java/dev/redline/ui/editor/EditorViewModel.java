package dev.redline.ui.editor;

import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.analysis.ProjectAnalyzer;
import dev.redline.core.io.Sha256;
import dev.redline.core.model.Finding;
import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationSet;
import dev.redline.core.model.ScriptProblem;
import dev.redline.core.schema.SchemaModel;
import dev.redline.ui.dialog.Notice;
import dev.redline.ui.task.BackgroundTask;
import dev.redline.ui.task.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.fxmisc.richtext.model.StyledDocument;

/**
 * The editor's state: which migration is shown, its text as on disk and as edited, the analysis of the text being
 * edited, and what must be asked about changes on disk. Edits are re-analysed in the background against the schema
 * of the migrations before this one; saving is atomic and refuses to overwrite a file changed on disk meanwhile
 * without asking. Edits are never dropped silently: switching migrations keeps each file's unsaved text, and a file
 * changed or deleted on disk while it has unsaved edits raises a {@link #conflictProperty() conflict} instead.
 *
 * <p>Methods run on the FX thread; the work they start runs on the {@link TaskExecutor}.
 */
public final class EditorViewModel {

    /**
     * New text for the view: replace the editor's content (a different file, or a reload from disk). The serial
     * makes each load a change even when the text is the same as last time.
     */
    public record TextLoad(long serial, String text, boolean newDocument, StyledDocument<Collection<String>, String,
            Collection<String>> styled) {
    }

    /** Select {@code [start, end)} and scroll its line into view; the serial makes a repeated click a change. */
    public record Reveal(long serial, int start, int end, int line) {
    }

    /** A question for the user shown above the editor, with the choices the view offers as buttons. */
    public record ConflictPrompt(String message, boolean canReload, boolean canKeep, boolean canOverwrite) {
    }

    private record Live(MigrationAnalysis analysis, Highlight highlight) {
    }

    private record Prepared(Highlight highlight,
                            StyledDocument<Collection<String>, String, Collection<String>> document) {
    }


    private final ProjectAnalyzer analyzer;
    private final TaskExecutor executor;

    private final ReadOnlyObjectWrapper<Migration> migration = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<MigrationAnalysis> analysis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TextLoad> textLoad = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Highlight> highlight = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Reveal> reveal = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ConflictPrompt> conflict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper analysing = new ReadOnlyBooleanWrapper();
    /**
     * The serial of the load whose styled text is being prepared, or 0: meanwhile the view takes no typing, until it
     * shows the new file.
     */
    private long pendingLoad;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final ObservableSet<Path> unsavedFiles = FXCollections.observableSet();

    private final Map<Path, EditorDocument> documents = new LinkedHashMap<>();
    private final Map<Migration, SchemaModel> schemaBefore = new ConcurrentHashMap<>();
    private EditorDocument current;
    private MigrationSet currentSet;
    private Supplier<String> textSource;
    private boolean touched;
    private long generation;
    private long serial;
    private int analysesRunning;
    private Consumer<MigrationAnalysis> onLiveAnalysis = a -> { };
    private Consumer<Path> onSaved = p -> { };

    public EditorViewModel(ProjectAnalyzer analyzer, TaskExecutor executor) {
        this.analyzer = analyzer;
        this.executor = executor;
    }

    /** Where the view's current text can be read when the model needs it before the debounced {@link #edited}. */
    public void setTextSource(Supplier<String> source) {
        this.textSource = source;
    }

    /** Called with each new analysis of edited text (the list updates its badge). */
    public void setOnLiveAnalysis(Consumer<MigrationAnalysis> handler) {
        this.onLiveAnalysis = handler;
    }

    /** Called after a file was written (the project re-analyses the migrations after it). */
    public void setOnSaved(Consumer<Path> handler) {
        this.onSaved = handler;
    }

    // ---- showing a migration -------------------------------------------------------------------------------

    /** Shows a migration: its file's unsaved text if there is one, else the text its analysis was made from. */
    public void open(MigrationAnalysis shown, MigrationSet set) {
        flush();
        Migration m = shown.migration();
        if (m.equals(migration.get())) {
            currentSet = set;
            return;
        }
        boolean newDocument = current == null || !current.file.equals(m.file());
        EditorDocument doc = documents.computeIfAbsent(m.file(),
                f -> new EditorDocument(f, shown.source() == null ? null : shown.source().text(), shown.sha256()));
        current = doc;
        currentSet = set;
        migration.set(m);
        generation++; // results of work for the previous migration are dropped
        updateState();
        if (!doc.readable()) {
            analysis.set(shown);
            load("", true);
            notice.set(Notice.error(problems(shown)));
            return;
        }
        notice.set(shownProblems(shown));
        String text = doc.text();
        if (doc.editedText == null && !doc.shownDiffersFromDisk()) {
            // the text and its colours are built off the FX thread and shown in one step: for a 5,000-line file
            // this saves the window a freeze of a few hundred milliseconds
            analysis.set(shown);
            List<Finding> findings = shown.findings();
            long serialNow = ++serial;
            pendingLoad = serialNow;
            updateState();
            executor.execute(BackgroundTask.of(p -> {
                Highlight h = Highlight.of(text, findings);
                return new Prepared(h, SqlHighlighting.document(h));
            }).onSuccess(prepared -> {
                if (pendingLoad != serialNow) {
                    return; // another file was opened meanwhile
                }
                pendingLoad = 0;
                updateState();
                highlight.set(prepared.highlight());
                touched = false;
                textLoad.set(new TextLoad(serialNow, text, newDocument, prepared.document()));
            }).onFailure(error -> {
                if (pendingLoad == serialNow) {
                    load(text, newDocument); // show it plainly rather than not at all
                    updateState();
                }
            }));
        } else {
            load(text, newDocument);
            // unsaved edits, or offsets that carriage returns would shift: analyse what the editor shows
            analysis.set(shown);
            analyse(text);
        }
    }

    private void load(String text, boolean newDocument) {
        touched = false;
        pendingLoad = 0;
        textLoad.set(new TextLoad(++serial, text, newDocument, null));
    }

    /** Colours the text in the background: the text shows at once, its colours a few milliseconds later. */
    private void highlightLater(long mine, String text, List<Finding> findings) {
        run(mine, BackgroundTask.of(p -> Highlight.of(text, findings)), highlight::set);
    }

    /** Shows nothing (the project closed, or the migration is gone and had no edits). */
    public void clear() {
        flush();
        generation++;
        current = null;
        currentSet = null;
        migration.set(null);
        analysis.set(null);
        notice.set(null);
        load("", true);
        updateState();
    }

    private static String problems(MigrationAnalysis a) {
        String why = a.errors().stream().map(ScriptProblem::message).collect(Collectors.joining("; "));
        return (why.isEmpty() ? a.migration().relativePath() + " could not be read" : why)
                + ". It is shown read-only; fix the file and it reloads.";
    }

    private static Notice shownProblems(MigrationAnalysis a) {
        if (a.errors().isEmpty()) {
            return null;
        }
        return Notice.warning(a.errors().stream().map(p -> (p.line() == null ? "" : "line " + p.line() + ": ")
                + p.message()).collect(Collectors.joining("; ")));
    }

    // ---- editing ---------------------------------------------------------------------------------------------

    /** The view's text changed (called on every change, cheaply); the text itself follows in {@link #edited}. */
    public void touched() {
        if (current == null || !editable.get()) {
            return;
        }
        touched = true;
        if (!dirty.get()) {
            dirty.set(true);
            unsavedFiles.add(current.file);
            updateTitle();
        }
    }

    /** The view's text after a pause in typing: records it and re-analyses it in the background. */
    public void edited(String text) {
        touched = false;
        if (current == null || !current.readable() || text.equals(current.text()) && !dirty.get()) {
            return;
        }
        current.setText(text);
        updateState();
        analyse(text);
    }

    /** Takes the view's latest text if edits are still waiting for their pause. */
    private void flush() {
        if (touched && textSource != null && current != null) {
            edited(textSource.get());
        }
        touched = false;
    }

    /** Re-analyses the current text now (F5 in the editor, or after the schema before it changed). */
    public void reanalyse() {
        flush();
        if (current != null && current.readable()) {
            analyse(current.text());
        }
    }

    private void analyse(String text) {
        Migration m = migration.get();
        MigrationSet set = currentSet;
        long mine = ++generation;
        analysesRunning++;
        analysing.set(true);
        run(mine, BackgroundTask.of(p -> {
            SchemaModel before = schemaBefore.computeIfAbsent(m, k -> set != null && set.migrations().contains(m)
                    ? analyzer.schemaBefore(set, m) : new SchemaModel());
            MigrationAnalysis result = analyzer.analyzeText(m, text, before.copy());
            return new Live(result, Highlight.of(text, result.findings()));
        }).onFinished(() -> analysisDone()), live -> {
            analysis.set(live.analysis());
            highlight.set(live.highlight());
            onLiveAnalysis.accept(live.analysis());
        });
    }

    private void analysisDone() {
        analysesRunning--;
        analysing.set(analysesRunning > 0);
    }

    /** Runs work whose result only matters while nothing newer was asked for. */
    private <T> void run(long mine, BackgroundTask<T> task, Consumer<T> onCurrent) {
        executor.execute(task.onSuccess(result -> {
            if (mine == generation) {
                onCurrent.accept(result);
            }
        }).onFailure(error -> {
            if (mine == generation) {
                notice.set(Notice.error("Redline could not analyse this text (" + error
                        + "). Your edits are kept; please report this."));
            }
        }));
    }

    // ---- saving ------------------------------------------------------------------------------------------------

    /** Saves the current file atomically, unless it changed on disk since it was read (then asks). */
    public void save() {
        flush();
        if (current != null) {
            save(current, false);
        }
    }

    /**
     * Saves every file with unsaved edits (before closing the window); {@code done} gets whether all of them were
     * written (a conflict or an error leaves the window open, with its message).
     */
    public void saveAll(Consumer<Boolean> done) {
        flush();
        List<EditorDocument> dirtyDocs = documents.values().stream().filter(EditorDocument::dirty).toList();
        if (dirtyDocs.isEmpty()) {
            done.accept(true);
            return;
        }
        int[] left = {dirtyDocs.size()};
        boolean[] allSaved = {true};
        for (EditorDocument doc : dirtyDocs) {
            save(doc, false, ok -> {
                allSaved[0] &= ok;
                if (--left[0] == 0) {
                    done.accept(allSaved[0]);
                }
            });
        }
    }

    private void save(EditorDocument doc, boolean overwrite) {
        save(doc, overwrite, ok -> { });
    }

    private void save(EditorDocument doc, boolean overwrite, Consumer<Boolean> done) {
        if (!doc.readable() || !doc.dirty()) {
            done.accept(true);
            return;
        }
        String text = doc.textToSave();
        String expectedSha = doc.diskSha;
        Path file = doc.file;
        executor.execute(BackgroundTask.of(p -> MigrationFile.write(file, text, expectedSha, overwrite))
                .onSuccess(saved -> done.accept(saved(doc, saved)))
                .onFailure(error -> {
                    notice.set(Notice.error("Could not save " + file.getFileName() + ": " + MigrationFile.reason(error)
                            + ". Your edits are kept."));
                    done.accept(false);
                }));
    }

    private boolean saved(EditorDocument doc, MigrationFile.Saved saved) {
        if (saved.conflictSha() != null) {
            doc.conflict = EditorDocument.Conflict.CHANGED_BEFORE_SAVE;
            doc.diskText = saved.conflictText();
            doc.diskTextSha = saved.conflictSha();
            updateState();
            return false;
        }
        String wasEdited = doc.editedText;
        doc.setSaved(saved.text());
        doc.diskSha = saved.sha();
        doc.conflict = null;
        doc.diskText = null;
        doc.editedText = null;
        if (wasEdited != null) {
            doc.setText(wasEdited); // typed while saving: still unsaved
        }
        schemaBefore.clear();
        if (doc == current) {
            notice.set(Notice.info("Saved " + doc.file.getFileName() + "."));
        }
        updateState();
        onSaved.accept(doc.file);
        return true;
    }

    // ---- answers to conflicts ---------------------------------------------------------------------------------

    /** Writes the user's text over the file changed on disk. */
    public void overwrite() {
        flush();
        if (current != null) {
            current.conflict = null;
            save(current, true);
            updateState();
        }
    }

    /** Drops the user's edits and shows the file as it is on disk now. */
    public void reloadFromDisk() {
        if (current == null) {
            return;
        }
        EditorDocument doc = current;
        if (doc.diskText != null) {
            reloaded(doc, doc.diskText, doc.diskTextSha);
            return;
        }
        Path file = doc.file;
        executor.execute(BackgroundTask.of(p -> Files.readAllBytes(file))
                .onSuccess(bytes -> {
                    String text = MigrationFile.decodeOrNull(bytes);
                    if (text == null) {
                        notice.set(Notice.error(file.getFileName() + " is no longer UTF-8 text; your edits are kept."));
                    } else {
                        reloaded(doc, text, Sha256.of(bytes));
                    }
                })
                .onFailure(error -> notice.set(Notice.error("Could not read " + file.getFileName() + ": "
                        + MigrationFile.reason(error) + ". Your edits are kept."))));
    }

    /** Keeps the user's edits; the next save overwrites the disk's version without asking again. */
    public void keepMine() {
        EditorDocument doc = current;
        if (doc == null || doc.conflict == null) {
            return;
        }
        if (doc.conflict == EditorDocument.Conflict.DELETED) {
            doc.editedText = doc.text(); // stays unsaved until the file is written again
            doc.diskSha = null;
        } else {
            doc.diskSha = doc.diskTextSha;
        }
        doc.conflict = null;
        doc.diskText = null;
        doc.diskTextSha = null;
        updateState();
    }

    private void reloaded(EditorDocument doc, String text, String sha) {
        doc.setSaved(text);
        doc.diskSha = sha;
        doc.editedText = null;
        doc.conflict = null;
        doc.diskText = null;
        schemaBefore.clear();
        updateState();
        if (doc == current) {
            load(doc.text(), false);
            analyse(doc.text());
        }
    }

    // ---- the project changed on disk -------------------------------------------------------------------------

    /**
     * The project was analysed again (files changed on disk, F5, after a save). Open files that changed on disk are
     * reloaded when they have no unsaved edits, and raise a conflict when they have; deleted files keep their text.
     */
    public void projectRefreshed(ProjectAnalysis project, Function<Migration, Optional<MigrationSet>> setOf) {
        schemaBefore.clear();
        Map<Path, MigrationAnalysis> byFile = new LinkedHashMap<>();
        for (MigrationAnalysis a : project.migrations()) {
            byFile.putIfAbsent(a.migration().file(), a);
        }
        Migration shown = migration.get();
        MigrationAnalysis fresh = null;
        for (MigrationAnalysis a : project.migrations()) {
            if (a.migration().equals(shown)) {
                fresh = a;
            }
        }
        for (EditorDocument doc : List.copyOf(documents.values())) {
            MigrationAnalysis onDisk = doc == current && fresh != null ? fresh : byFile.get(doc.file);
            reconcile(doc, onDisk);
        }
        if (current != null && fresh != null) {
            currentSet = setOf.apply(shown).orElse(currentSet);
            if (!current.dirty() && current.conflict == null && current.readable()
                    && fresh.source() != null && fresh.source().text().equals(current.savedText)) {
                // same text, but the migrations before it may have changed its verdict
                if (current.shownDiffersFromDisk()) {
                    analyse(current.text());
                } else {
                    analysis.set(fresh);
                    highlightLater(++generation, current.text(), fresh.findings());
                }
            }
        }
        updateState();
    }

    private void reconcile(EditorDocument doc, MigrationAnalysis onDisk) {
        if (onDisk == null) {
            if (doc.conflict != EditorDocument.Conflict.DELETED && doc.readable()) {
                doc.conflict = EditorDocument.Conflict.DELETED;
                if (!doc.dirty()) {
                    doc.editedText = null;
                }
            }
            return;
        }
        if (doc.conflict == EditorDocument.Conflict.DELETED) {
            doc.conflict = null; // it is back (git checkout)
        }
        String sha = onDisk.sha256();
        if (sha == null || sha.equals(doc.diskSha)) {
            return;
        }
        String text = onDisk.source() == null ? null : onDisk.source().text();
        if (doc.editedText == null) {
            if (text == null) {
                doc.setSaved(null);
                doc.diskSha = sha;
                if (doc == current) {
                    generation++;
                    analysis.set(onDisk);
                    load("", false);
                    notice.set(Notice.error(problems(onDisk)));
                }
                return;
            }
            boolean wasReadable = doc.readable();
            reloaded(doc, text, sha);
            if (doc == current) {
                notice.set(wasReadable ? Notice.info(doc.file.getFileName() + " changed on disk and was reloaded.")
                        : null);
            }
        } else {
            doc.conflict = EditorDocument.Conflict.CHANGED_ON_DISK;
            doc.diskText = text;
            doc.diskTextSha = sha;
        }
    }

    // ---- findings --------------------------------------------------------------------------------------------

    /** Asks the view to select a finding's span and scroll to its line. */
    public void reveal(Finding f) {
        reveal.set(new Reveal(++serial, f.start(), f.end(), f.line()));
    }

    /** The current analysis's findings whose span covers {@code offset} (for hovers). */
    public List<Finding> findingsAt(int offset) {
        MigrationAnalysis a = analysis.get();
        if (a == null) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : a.findings()) {
            boolean covers = f.end() > f.start() ? offset >= f.start() && offset < f.end() : offset == f.start();
            if (covers) {
                out.add(f);
            }
        }
        return out;
    }

    // ---- state -----------------------------------------------------------------------------------------------

    private void updateState() {
        EditorDocument doc = current;
        dirty.set(doc != null && doc.dirty());
        editable.set(doc != null && doc.readable() && pendingLoad == 0);
        unsavedFiles.retainAll(documents.keySet());
        for (EditorDocument d : documents.values()) {
            if (d.dirty()) {
                unsavedFiles.add(d.file);
            } else {
                unsavedFiles.remove(d.file);
            }
        }
        conflict.set(doc == null || doc.conflict == null ? null : prompt(doc));
        updateTitle();
    }

    private void updateTitle() {
        Migration m = migration.get();
        title.set(m == null ? "" : m.relativePath() + (dirty.get() ? " ●" : ""));
    }

    private static ConflictPrompt prompt(EditorDocument doc) {
        String name = doc.file.getFileName().toString();
        return switch (doc.conflict) {
            case CHANGED_ON_DISK -> new ConflictPrompt(name + " changed on disk while you were editing it.",
                    doc.diskText != null, true, false);
            case CHANGED_BEFORE_SAVE -> new ConflictPrompt(name + " changed on disk since it was opened; it was not "
                    + "saved.", doc.diskText != null, false, true);
            case DELETED -> new ConflictPrompt(name + " was deleted or moved on disk. Your text is kept: save to "
                    + "re-create the file.", false, true, false);
        };
    }

    /** Whether any open file has unsaved edits. */
    public boolean hasUnsavedEdits() {
        flush();
        return documents.values().stream().anyMatch(EditorDocument::dirty);
    }

    /** Forgets every open file and its edits (after the user chose to discard them, or a new project opened). */
    public void discardAll() {
        documents.clear();
        touched = false;
        clear();
    }

    public ReadOnlyObjectProperty<Migration> migrationProperty() {
        return migration.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MigrationAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public MigrationAnalysis analysis() {
        return analysis.get();
    }

    public ReadOnlyObjectProperty<TextLoad> textLoadProperty() {
        return textLoad.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Highlight> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Reveal> revealProperty() {
        return reveal.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConflictPrompt> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty analysingProperty() {
        return analysing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    public ObservableSet<Path> unsavedFiles() {
        return unsavedFiles;
    }

    /** The current text (with edits), for tests and benchmarks. */
    public String text() {
        flush();
        return current == null ? "" : current.text() == null ? "" : current.text();
    }
}

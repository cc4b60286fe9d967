package dev.redline.ui.editor;

import dev.redline.core.model.Finding;
import dev.redline.ui.dialog.Notice;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.StyleSpans;
import org.reactfx.Subscription;

/**
 * The centre of the workbench: {@code #sqlEditor}, a RichTextFX {@link CodeArea} with line numbers, finding markers
 * in the gutter, SQL colouring and the severity classes {@code destructive} / {@code risky} over the spans of
 * findings. Above it, the file's name and a banner for notices and questions about changes on disk. All state lives
 * in the {@link EditorViewModel}; this class only moves text and styles between it and the CodeArea.
 */
public final class SqlEditorView extends VBox {

    /** How long typing must pause before the text is re-analysed. */
    public static final Duration DEBOUNCE = Duration.ofMillis(250);

    private final EditorViewModel model;
    private final CodeArea area = new CodeArea();
    private final Label title = new Label();
    private final Label bannerText = new Label();
    private final Button reload = new Button("Reload from disk");
    private final Button keep = new Button("Keep my edits");
    private final Button overwrite = new Button("Overwrite");
    private final HBox banner = new HBox(8);
    private final Tooltip hover = new Tooltip();
    private boolean loading;
    private Subscription settle;

    public SqlEditorView(EditorViewModel model) {
        this.model = model;
        getStyleClass().add("sql-editor-view");
        getStylesheets().add(SqlEditorView.class.getResource("sql-editor.css").toExternalForm());

        area.setId("sqlEditor");
        area.getStyleClass().add("sql-editor");
        area.setEditable(false);
        area.setParagraphGraphicFactory(new GutterFactory(List.of(), 1));
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        title.setId("editorTitle");
        title.getStyleClass().add("editor-title");
        title.textProperty().bind(model.titleProperty());
        ProgressIndicator analysing = new ProgressIndicator();
        analysing.getStyleClass().add("analysing-indicator");
        analysing.setPrefSize(14, 14);
        analysing.visibleProperty().bind(model.analysingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, analysing);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("editor-header");

        buildBanner();
        getChildren().addAll(header, banner, scroll);

        model.setTextSource(area::getText);
        model.textLoadProperty().addListener((o, was, load) -> load(load));
        model.highlightProperty().addListener((o, was, h) -> applyHighlight(h));
        model.analysisProperty().addListener((o, was, a) -> refreshGutter());
        model.editableProperty().addListener((o, was, now) -> area.setEditable(now));
        model.revealProperty().addListener((o, was, r) -> reveal(r));
        model.noticeProperty().addListener((o, was, n) -> updateBanner());
        model.conflictProperty().addListener((o, was, c) -> updateBanner());

        area.plainTextChanges().filter(c -> !loading).subscribe(c -> model.touched());
        settle = area.plainTextChanges().filter(c -> !loading).successionEnds(DEBOUNCE)
                .subscribe(c -> model.edited(area.getText()));
        installHover();
    }

    private void buildBanner() {
        banner.setId("editorBanner");
        banner.getStyleClass().add("editor-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        bannerText.setWrapText(true);
        bannerText.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bannerText, Priority.ALWAYS);
        reload.setId("reloadButton");
        keep.setId("keepMineButton");
        overwrite.setId("overwriteButton");
        reload.setOnAction(e -> model.reloadFromDisk());
        keep.setOnAction(e -> model.keepMine());
        overwrite.setOnAction(e -> model.overwrite());
        Button dismiss = new Button("✕");
        dismiss.getStyleClass().add("flat");
        dismiss.setOnAction(e -> model.noticeProperty().set(null));
        dismiss.visibleProperty().bind(model.conflictProperty().isNull());
        dismiss.managedProperty().bind(dismiss.visibleProperty());
        for (Button b : List.of(reload, keep, overwrite, dismiss)) {
            b.setMinWidth(Region.USE_PREF_SIZE); // the text wraps; the choices are never cut to "Reload fro…"
        }
        banner.getChildren().addAll(bannerText, reload, keep, overwrite, dismiss);
        updateBanner();
    }

    private void updateBanner() {
        EditorViewModel.ConflictPrompt c = model.conflictProperty().get();
        Notice n = model.noticeProperty().get();
        banner.getStyleClass().removeIf(s -> s.startsWith("notice-"));
        if (c != null) {
            bannerText.setText(c.message());
            banner.getStyleClass().add(Notice.Kind.WARNING.styleClass());
        } else if (n != null) {
            bannerText.setText(n.text());
            banner.getStyleClass().add(n.kind().styleClass());
        }
        show(reload, c != null && c.canReload());
        show(keep, c != null && c.canKeep());
        show(overwrite, c != null && c.canOverwrite());
        show(banner, c != null || n != null);
    }

    private static void show(javafx.scene.Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    private void load(EditorViewModel.TextLoad load) {
        loading = true;
        try {
            if (load.styled() != null) {
                int caret = area.getCaretPosition();
                area.replace(0, area.getLength(), load.styled());
                area.moveTo(load.newDocument() ? 0 : Math.min(caret, area.getLength()));
                refreshGutter(); // the numbers' width follows the new line count
            } else if (!load.text().equals(area.getText())) {
                int caret = area.getCaretPosition();
                area.replaceText(load.text());
                area.moveTo(load.newDocument() ? 0 : Math.min(caret, area.getLength()));
            }
            if (load.newDocument()) {
                area.getUndoManager().forgetHistory();
                area.showParagraphAtTop(0);
            }
        } finally {
            loading = false;
        }
    }

    /**
     * Applies new styles to the paragraphs whose styles differ, in one change. Restyling all 5,000 paragraphs of a
     * long migration after each pause in typing would freeze the window for a third of a second; typically only the
     * edited lines differ.
     */
    private void applyHighlight(Highlight h) {
        // Edits made since the analysis started make these styles stale; the next analysis brings fresh ones.
        if (h.spans() == null || area.getLength() != h.text().length() || !area.getText().equals(h.text())) {
            return;
        }
        List<StyleSpans<Collection<String>>> lines = h.paragraphs();
        int n = area.getParagraphs().size();
        if (lines.size() != n) {
            area.setStyleSpans(0, h.spans());
            return;
        }
        int first = -1;
        for (int i = 0; i < n && first < 0; i++) {
            if (!sameLine(i, lines.get(i))) {
                first = i;
            }
        }
        if (first < 0) {
            return;
        }
        int last = first;
        for (int i = n - 1; i > first; i--) {
            if (!sameLine(i, lines.get(i))) {
                last = i;
                break;
            }
        }
        int from = area.getAbsolutePosition(first, 0);
        int to = area.getAbsolutePosition(last, area.getParagraphLength(last));
        area.setStyleSpans(from, h.spans().subView(from, to));
    }

    private boolean sameLine(int paragraph, StyleSpans<Collection<String>> wanted) {
        if (wanted.length() == 0) {
            return area.getParagraphLength(paragraph) == 0;
        }
        return SqlHighlighting.sameStyles(area.getParagraph(paragraph).getStyleSpans(), wanted);
    }

    private void refreshGutter() {
        var a = model.analysis();
        GutterFactory next = new GutterFactory(a == null ? List.of() : a.findings(), area.getParagraphs().size());
        // rebuilding the visible lines' gutters is only worth it when a marker moved or the numbers widened
        if (!next.sameAs(area.getParagraphGraphicFactory())) {
            area.setParagraphGraphicFactory(next);
        }
    }

    private void reveal(EditorViewModel.Reveal r) {
        int length = area.getLength();
        int start = Math.max(0, Math.min(r.start(), length));
        int end = Math.max(start, Math.min(r.end(), length));
        area.selectRange(end, start); // the caret at the start: the current line is the finding's line
        int paragraph = Math.max(0, Math.min(r.line() - 1, area.getParagraphs().size() - 1));
        area.showParagraphAtCenter(paragraph);
        area.requestFocus();
    }

    private void installHover() {
        hover.setWrapText(true);
        hover.setMaxWidth(560);
        hover.getStyleClass().add("finding-hover");
        area.setMouseOverTextDelay(Duration.ofMillis(300));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> {
            List<Finding> here = model.findingsAt(e.getCharacterIndex());
            if (!here.isEmpty()) {
                Point2D p = e.getScreenPosition();
                hover.setText(FindingText.hover(here));
                hover.show(area, p.getX() + 8, p.getY() + 12);
            }
        });
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> hover.hide());
    }

    private final Set<Integer> dryRunMarked = new HashSet<>();

    /**
     * Marks the paragraphs of statements that failed in the last dry-run (1-based lines) with the paragraph style
     * class {@code dry-run-error}, clearing earlier marks.
     */
    public void markDryRunErrors(List<Integer> lines) {
        int n = area.getParagraphs().size();
        for (int p : dryRunMarked) {
            if (p < n) {
                area.setParagraphStyle(p, List.of());
            }
        }
        dryRunMarked.clear();
        for (int line : lines) {
            int p = line - 1;
            if (p >= 0 && p < n) {
                area.setParagraphStyle(p, List.of("dry-run-error"));
                dryRunMarked.add(p);
            }
        }
    }

    public CodeArea area() {
        return area;
    }

    /** The hover shown over a finding's span (for tests). */
    public Tooltip hover() {
        return hover;
    }

    public void focusEditor() {
        area.requestFocus();
    }

    /** Stops the debounce timer (the window is closing). */
    public void dispose() {
        settle.unsubscribe();
    }
}

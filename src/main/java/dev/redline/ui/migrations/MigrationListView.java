package dev.redline.ui.migrations;

import dev.redline.core.model.Migration;
import dev.redline.review.ReviewState;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.WeakMapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * {@code #migrationList} with its filter box {@code #migrationFilter}. Rows show the badge, the file and a marker for
 * unsaved edits; when the project has several migration sets, the first row of each set carries the set's name.
 * Keyboard: Down from the filter enters the list, Escape clears the filter, typing in the list filters, Enter opens
 * the selected migration in the editor.
 */
public final class MigrationListView extends VBox {

    private final MigrationListViewModel model;
    private final TextField filter = new TextField();
    private final ListView<MigrationEntry> list = new ListView<>();
    private final Label empty = new Label("No project open.\nFile › Open Project Folder… (Ctrl+O), or drop a folder here.");
    private Runnable onEnter = () -> { };
    private String emptyText = empty.getText();
    private boolean syncing;

    public MigrationListView(MigrationListViewModel model) {
        this.model = model;
        getStyleClass().add("migration-list-view");
        getStylesheets().add(MigrationListView.class.getResource("migration-list.css").toExternalForm());

        filter.setId("migrationFilter");
        filter.setPromptText("Filter: name, destructive, risky, unparsed…");
        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.addEventHandler(KeyEvent.KEY_PRESSED, this::onFilterKey);

        list.setId("migrationList");
        list.setItems(model.visible());
        list.setCellFactory(v -> new EntryCell());

        empty.setWrapText(true);
        empty.getStyleClass().add("empty-hint");
        list.setPlaceholder(empty);
        list.addEventHandler(KeyEvent.KEY_PRESSED, this::onListKey);
        list.addEventHandler(KeyEvent.KEY_TYPED, this::onListTyped);
        VBox.setVgrow(list, Priority.ALWAYS);

        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!syncing && now != null) {
                model.select(now.migration());
            }
        });
        model.selectedProperty().addListener((o, was, now) -> showSelection(now));
        model.visible().addListener((ListChangeListener<MigrationEntry>) c -> {
            updatePlaceholder();
            showSelection(model.selected());
            // a cleared filter: bring the selected row back into view, after the list laid its new rows out
            Platform.runLater(() -> {
                int selectedRow = list.getSelectionModel().getSelectedIndex();
                if (selectedRow >= 0) {
                    revealRow(selectedRow);
                }
            });
        });

        getChildren().addAll(filter, list);
    }

    /** What Enter in the list does (focus the editor). */
    public void setOnEnter(Runnable action) {
        this.onEnter = action;
    }

    /** What the empty list says when there are no migrations at all (no project, or none found). */
    public void setPlaceholderText(String text) {
        emptyText = text;
        updatePlaceholder();
    }

    private void updatePlaceholder() {
        empty.setText(model.entries().isEmpty() ? emptyText
                : "No migration matches “" + model.filterProperty().get() + "”.\nEscape clears the filter.");
    }

    public ListView<MigrationEntry> list() {
        return list;
    }

    public TextField filter() {
        return filter;
    }

    public void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    private void showSelection(Migration migration) {
        int index = -1;
        for (int i = 0; i < model.visible().size() && migration != null; i++) {
            if (model.visible().get(i).migration().equals(migration)) {
                index = i;
                break;
            }
        }
        syncing = true;
        try {
            if (index < 0) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedIndex() != index) {
                list.getSelectionModel().clearAndSelect(index);
                list.getFocusModel().focus(index);
                revealRow(index);
            }
        } finally {
            syncing = false;
        }
    }

    private void revealRow(int index) {
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> first = flow.getFirstVisibleCell();
            IndexedCell<?> last = flow.getLastVisibleCell();
            if (first != null && last != null && index > first.getIndex() && index < last.getIndex()) {
                return;
            }
        }
        list.scrollTo(Math.max(0, index - 3));
    }

    private void onFilterKey(KeyEvent e) {
        if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
            list.requestFocus();
            if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
                list.getSelectionModel().select(0);
            }
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && !filter.getText().isEmpty()) {
            filter.clear();
            e.consume();
        }
    }

    private void onListKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            onEnter.run();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && !filter.getText().isEmpty()) {
            filter.clear();
            e.consume();
        }
    }

    /** Typing a letter in the list goes to the filter, as in a file manager. */
    private void onListTyped(KeyEvent e) {
        String ch = e.getCharacter();
        if (ch.length() == 1 && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown()
                && Character.isLetterOrDigit(ch.charAt(0))) {
            filter.requestFocus();
            filter.appendText(ch);
            filter.positionCaret(filter.getLength());
            e.consume();
        }
    }

    /** A row: badge, name, unsaved marker; the set's name above the first row of each set. */
    private final class EntryCell extends ListCell<MigrationEntry> {
        private final Label badge = new Label();
        private final Label review = new Label();
        private final Label name = new Label();
        private final Label unsaved = new Label("●");
        private final Label group = new Label();
        private final Tooltip tip = new Tooltip();
        private final HBox row = new HBox(6, badge, name, review, unsaved);
        private final VBox box = new VBox(group, row);

        /** Kept by the cell so the weak listener on the states lives as long as the cell. */
        private final MapChangeListener<Path, ReviewState> statesChanged =
                c -> showReview(getItem());

        EntryCell() {
            model.reviewStates().addListener(new WeakMapChangeListener<>(statesChanged));
            badge.getStyleClass().add("badge");
            badge.setMinWidth(Region.USE_PREF_SIZE);
            name.getStyleClass().add("migration-name");
            name.setMinWidth(0);
            name.setMaxWidth(Double.MAX_VALUE);
            name.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS); // the description and up/down say most
            review.getStyleClass().add("review-badge");
            review.setMinWidth(Region.USE_PREF_SIZE);
            unsaved.getStyleClass().add("unsaved-marker");
            unsaved.setTooltip(new Tooltip("Unsaved edits"));
            unsaved.setMinWidth(Region.USE_PREF_SIZE);
            group.getStyleClass().add("group-header");
            group.setMaxWidth(Double.MAX_VALUE);
            row.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(name, Priority.ALWAYS);
            // as wide as the list, never wider: long names ellipsise instead of scrolling sideways
            box.setMinWidth(0);
            box.setPrefWidth(0);
            box.maxWidthProperty().bind(list.widthProperty().subtract(28));
            box.prefWidthProperty().bind(box.maxWidthProperty());
        }

        @Override
        protected void updateItem(MigrationEntry entry, boolean isEmpty) {
            super.updateItem(entry, isEmpty);
            badge.getStyleClass().removeIf(c -> c.startsWith("badge-"));
            showReview(isEmpty ? null : entry);
            if (isEmpty || entry == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            badge.setText(entry.status().label());
            badge.getStyleClass().add(entry.status().styleClass());
            name.setText(entry.name());
            unsaved.setVisible(entry.unsaved());
            unsaved.setManaged(entry.unsaved());
            boolean header = model.groupedProperty().get() && startsGroup(getIndex(), entry);
            group.setText(header ? entry.group() : "");
            group.setVisible(header);
            group.setManaged(header);
            int n = entry.analysis().findings().size();
            tip.setText(entry.migration().relativePath() + "\n" + entry.status().description() + "\n" + n
                    + (n == 1 ? " finding" : " findings"));
            setTooltip(tip);
            setText(null);
            setGraphic(box);
        }

        private void showReview(MigrationEntry entry) {
            review.getStyleClass().removeIf(c -> c.startsWith("review-") && !c.equals("review-badge"));
            ReviewState state = entry == null ? null : model.reviewState(entry.migration());
            boolean shown = state != null && state != ReviewState.NOT_REQUIRED;
            review.setVisible(shown);
            review.setManaged(shown);
            if (shown) {
                review.setText(state.id());
                review.getStyleClass().add("review-" + state.id());
            }
        }

        private boolean startsGroup(int index, MigrationEntry entry) {
            if (index <= 0) {
                return true;
            }
            if (index - 1 >= model.visible().size()) {
                return false;
            }
            return !model.visible().get(index - 1).group().equals(entry.group());
        }
    }
}

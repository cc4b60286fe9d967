package dev.redline.ui.checklist;

import dev.redline.core.model.Finding;
import dev.redline.ui.editor.FindingText;
import dev.redline.ui.editor.SqlHighlighting;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** {@code #findings}: the shown migration's findings; a click or Enter follows one to its statement. */
public final class FindingsView extends ListView<Finding> {

    public FindingsView(ChecklistViewModel model) {
        super(model.findings());
        setId("findings");
        getStyleClass().add("findings");
        setPlaceholder(new Label("No findings."));
        setCellFactory(v -> new FindingCell());
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                model.activate(getSelectionModel().getSelectedItem());
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                model.activate(getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }

    private static final class FindingCell extends ListCell<Finding> {
        private final Label severity = new Label();
        private final Label where = new Label();
        private final Label message = new Label();
        private final HBox top = new HBox(6, severity, where);
        private final VBox box = new VBox(2, top, message);
        private final Tooltip tip = new Tooltip();

        FindingCell() {
            severity.getStyleClass().add("badge");
            severity.setMinWidth(Region.USE_PREF_SIZE);
            where.getStyleClass().add("finding-where");
            message.setWrapText(true);
            message.setMinHeight(Region.USE_PREF_SIZE);
            message.getStyleClass().add("finding-message");
            top.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(where, Priority.ALWAYS);
            tip.setWrapText(true);
            tip.setMaxWidth(520);
            box.setMinWidth(0);
        }

        @Override
        protected void updateItem(Finding f, boolean empty) {
            super.updateItem(f, empty);
            severity.getStyleClass().removeIf(c -> c.startsWith("badge-"));
            if (empty || f == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            String cls = SqlHighlighting.styleClass(f.severity());
            severity.setText(cls);
            severity.getStyleClass().add("badge-" + cls);
            where.setText("line " + f.line() + " · " + f.rule());
            message.setText(f.message());
            tip.setText(FindingText.hover(f));
            setTooltip(tip);
            if (!box.prefWidthProperty().isBound() && getListView() != null) {
                box.prefWidthProperty().bind(getListView().widthProperty().subtract(30));
                box.maxWidthProperty().bind(box.prefWidthProperty());
            }
            setGraphic(box);
        }

        /**
         * The height the wrapped message really needs: computed at the width the box is bound to, not the width the
         * list offers the cell (wider by the scroll bar and padding), or the last line would spill into the next cell.
         */
        @Override
        protected double computePrefHeight(double width) {
            if (getGraphic() == null || getListView() == null) {
                return super.computePrefHeight(width);
            }
            double w = box.prefWidthProperty().isBound() ? box.getPrefWidth() : width;
            return snappedTopInset() + box.prefHeight(w) + snappedBottomInset();
        }
    }
}

package dev.redline.ui.checklist;

import dev.redline.core.model.Finding;
import dev.redline.ui.editor.SqlHighlighting;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * {@code #checklist}: the six points as CheckBoxes {@code #checkpoint1} … {@code #checkpoint6}, each with its
 * question, Redline's answer and links to its findings (clicking one selects it in the editor).
 */
public final class ChecklistView extends VBox {

    /** Links listed under one point; more would make the pane a wall of links and slow to lay out. */
    static final int MAX_LINKS = 8;
    private static final String SIGNATURE = "redline.findings";

    public ChecklistView(ChecklistViewModel model) {
        setId("checklist");
        getStyleClass().add("checklist");
        for (CheckpointItem item : model.points()) {
            getChildren().add(point(model, item));
        }
    }

    private static VBox point(ChecklistViewModel model, CheckpointItem item) {
        CheckBox box = new CheckBox(item.number() + ". " + item.question());
        box.setId("checkpoint" + item.number());
        box.getStyleClass().add("checkpoint");
        box.setWrapText(true);
        box.setMnemonicParsing(false);
        box.selectedProperty().bindBidirectional(item.checkedProperty());

        Label answer = new Label();
        answer.setId("answer" + item.number());
        answer.getStyleClass().add("checkpoint-answer");
        answer.setWrapText(true);
        answer.textProperty().bind(item.answerProperty());

        VBox links = new VBox();
        links.getStyleClass().add("checkpoint-findings");
        item.findings().addListener((ListChangeListener<Finding>) c -> fill(model, links, item));

        VBox card = new VBox(box, answer, links);
        card.getStyleClass().add("checkpoint-card");
        item.flaggedProperty().addListener((o, was, now) -> flag(card, now));
        flag(card, item.isFlagged());
        return card;
    }

    private static void flag(VBox card, boolean flagged) {
        card.getStyleClass().remove("flagged");
        if (flagged) {
            card.getStyleClass().add("flagged");
        }
    }

    /**
     * Lists the point's findings as links. A re-analysis after each pause in typing usually finds the same findings
     * at shifted offsets: then the links stay, and a click follows the current finding at its index.
     */
    private static void fill(ChecklistViewModel model, VBox links, CheckpointItem item) {
        List<String> labels = item.findings().stream().limit(MAX_LINKS + 1L).map(ChecklistView::label).toList();
        String signature = item.findings().stream().limit(MAX_LINKS + 1L).map(f -> label(f) + "|" + f.message())
                .toList() + "/" + item.findings().size();
        if (signature.equals(links.getProperties().get(SIGNATURE))) {
            return;
        }
        links.getProperties().put(SIGNATURE, signature);
        links.getChildren().clear();
        for (int i = 0; i < item.findings().size(); i++) {
            if (i == MAX_LINKS) {
                // a generated migration can have hundreds: the Findings list below holds them all, virtualised
                Label more = new Label("… and " + (item.findings().size() - MAX_LINKS) + " more in Findings below");
                more.getStyleClass().add("more-findings");
                links.getChildren().add(more);
                break;
            }
            Finding f = item.findings().get(i);
            int index = i;
            Hyperlink link = new Hyperlink(labels.get(i));
            link.setMnemonicParsing(false);
            link.setWrapText(true);
            link.getStyleClass().addAll("finding-link", "finding-" + SqlHighlighting.styleClass(f.severity()));
            link.setTooltip(new Tooltip(f.message()));
            link.setOnAction(e -> {
                if (index < item.findings().size()) {
                    model.activate(item.findings().get(index));
                }
                link.setVisited(false);
            });
            links.getChildren().add(link);
        }
    }

    private static String label(Finding f) {
        return "L" + f.line() + "  " + f.rule() + (f.target() == null ? "" : "  " + f.target());
    }
}

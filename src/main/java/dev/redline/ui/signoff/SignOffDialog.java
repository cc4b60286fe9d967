package dev.redline.ui.signoff;

import dev.redline.dryrun.DryRunReport;
import dev.redline.review.Verdict;
import dev.redline.ui.checklist.CheckpointItem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * {@code #signOffDialog}: the verdict, the reviewer (prefilled from git, editable), a note per checklist point and
 * an overall note. The last dry-run of this migration, if any, is attached as evidence.
 */
public final class SignOffDialog extends Dialog<SignOffRequest> {

    public static final ButtonType SIGN = new ButtonType("Record sign-off", ButtonBar.ButtonData.OK_DONE);

    public SignOffDialog(Path file, List<CheckpointItem> points, String reviewer, DryRunReport dryRun) {
        setTitle("Sign off " + file.getFileName());
        getDialogPane().setId("signOffDialog");
        setHeaderText("Sign off " + file.getFileName() + " into its review file.");

        ToggleGroup verdicts = new ToggleGroup();
        RadioButton approve = new RadioButton("Approve");
        approve.setId("verdictApprove");
        approve.setToggleGroup(verdicts);
        approve.setSelected(true);
        RadioButton reject = new RadioButton("Reject");
        reject.setId("verdictReject");
        reject.setToggleGroup(verdicts);
        boolean allTicked = points.stream().allMatch(CheckpointItem::isChecked);
        approve.setDisable(!allTicked);
        if (!allTicked) {
            reject.setSelected(true);
        }

        TextField who = new TextField(reviewer == null ? "" : reviewer);
        who.setId("reviewer");
        who.setPromptText("Name <email>");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        List<TextField> notes = new ArrayList<>();
        for (CheckpointItem p : points) {
            Label q = new Label(p.number() + ". " + p.question() + (p.isChecked() ? "  ✓" : "  (not ticked)"));
            q.setWrapText(true);
            q.setMaxWidth(300);
            TextField note = new TextField();
            note.setId("pointNote" + p.number());
            note.setPromptText("note (optional)");
            note.setPrefWidth(240);
            notes.add(note);
            grid.addRow(p.number() - 1, q, note);
        }
        ScrollPane pointsScroll = new ScrollPane(grid);
        pointsScroll.setFitToWidth(true);
        pointsScroll.setPrefViewportHeight(220);

        TextArea overall = new TextArea();
        overall.setId("overallNote");
        overall.setPromptText("Overall note (optional)");
        overall.setPrefRowCount(3);
        overall.setWrapText(true);

        Label evidence = new Label(dryRun == null ? "No dry-run of this migration in this session: none attached."
                : "The last dry-run of this migration is attached as evidence.");
        evidence.setId("signOffEvidence");
        evidence.setWrapText(true);

        VBox content = new VBox(8, new HBox(12, new Label("Verdict:"), approve, reject),
                new Label("Reviewer"), who, new Label("Checklist notes"), pointsScroll, overall, evidence);
        content.setPadding(new Insets(8));
        content.setPrefWidth(600);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(SIGN, ButtonType.CANCEL);
        Button sign = (Button) getDialogPane().lookupButton(SIGN);
        sign.setId("signOffConfirm");
        sign.disableProperty().bind(who.textProperty().isEmpty());
        setResultConverter(b -> b != SIGN ? null : new SignOffRequest(file,
                approve.isSelected() ? Verdict.APPROVE : Verdict.REJECT, who.getText(),
                points.stream().map(CheckpointItem::isChecked).toList(),
                notes.stream().map(TextField::getText).toList(), overall.getText(), dryRun));
    }
}

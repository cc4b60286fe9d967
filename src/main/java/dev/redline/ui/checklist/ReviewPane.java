package dev.redline.ui.checklist;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The right-hand pane: the migration's name, {@code #checklist}, {@code #findings}, and the review actions
 * {@code #dryRunButton} and {@code #signOffButton} (disabled until their releases; the tooltip says so).
 */
public final class ReviewPane extends VBox {

    static final String DRY_RUN_LATER = "Dry runs against a throw-away PostgreSQL arrive in a coming release.";
    static final String SIGN_OFF_LATER = "Signing a migration off into the review file arrives in a coming release.";

    private final Button dryRun = new Button("Dry run…");
    private final Button signOff = new Button("Sign off");

    public ReviewPane(ChecklistViewModel model) {
        getStyleClass().add("review-pane");
        getStylesheets().add(ReviewPane.class.getResource("review.css").toExternalForm());

        Label heading = new Label();
        heading.getStyleClass().add("review-heading");
        heading.setWrapText(true);
        heading.textProperty().bind(model.headingProperty());

        ChecklistView checklist = new ChecklistView(model);
        ScrollPane checklistScroll = new ScrollPane(checklist);
        checklistScroll.setFitToWidth(true);
        checklistScroll.getStyleClass().add("checklist-scroll");
        VBox.setVgrow(checklistScroll, Priority.ALWAYS);

        Label findingsHeading = new Label("Findings");
        findingsHeading.getStyleClass().add("section-heading");
        FindingsView findings = new FindingsView(model);
        findings.setPrefHeight(220);
        findings.setMinHeight(100);

        dryRun.setId("dryRunButton");
        signOff.setId("signOffButton");
        HBox actions = new HBox(8, later(dryRun, DRY_RUN_LATER), later(signOff, SIGN_OFF_LATER));
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.getStyleClass().add("review-actions");

        Label checklistHeading = new Label("Checklist");
        checklistHeading.getStyleClass().add("section-heading");
        getChildren().addAll(heading, checklistHeading, checklistScroll, findingsHeading, findings, actions);
    }

    /** A disabled button shows no tooltip of its own, so the tooltip goes on a wrapper around it. */
    private static StackPane later(Button button, String why) {
        button.setDisable(true);
        Tooltip tip = new Tooltip(why);
        tip.setShowDelay(Duration.millis(150));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        button.setTooltip(tip);
        StackPane wrapper = new StackPane(button);
        Tooltip.install(wrapper, tip);
        return wrapper;
    }

    public Button dryRunButton() {
        return dryRun;
    }

    public Button signOffButton() {
        return signOff;
    }
}

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
 * {@code #dryRunButton}, {@code #signOffButton} and {@code #copyMarkdownButton} (wired by the workbench view), and
 * {@code #signOffStatus}, the outcome of the last sign-off.
 */
public final class ReviewPane extends VBox {

    static final String DRY_RUN_TIP = "Run this migration in a rolled-back transaction on a scratch database "
            + "(Ctrl+Enter)";
    static final String SIGN_OFF_TIP = "Record your verdict into the migration's review file (enabled once all six "
            + "points are ticked)";

    private final Button dryRun = new Button("Dry run…");
    private final Button signOff = new Button("Sign off…");
    private final Button copyMarkdown = new Button("Copy as Markdown");
    private final Label signOffStatus = new Label();

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
        Tooltip dryRunTip = new Tooltip(DRY_RUN_TIP);
        dryRunTip.setShowDelay(Duration.millis(150));
        dryRun.setTooltip(dryRunTip);
        Tooltip signOffTip = new Tooltip(SIGN_OFF_TIP);
        signOffTip.setShowDelay(Duration.millis(150));
        signOffTip.setWrapText(true);
        signOffTip.setMaxWidth(360);
        signOff.setTooltip(signOffTip);
        copyMarkdown.setId("copyMarkdownButton");
        copyMarkdown.setTooltip(new Tooltip("Copy the review as Markdown for a pull request description"));
        signOffStatus.setId("signOffStatus");
        signOffStatus.setWrapText(true);
        signOffStatus.getStyleClass().add("sign-off-status");
        HBox actions = new HBox(8, copyMarkdown, wrapped(dryRun), wrapped(signOff));
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.getStyleClass().add("review-actions");

        Label checklistHeading = new Label("Checklist");
        checklistHeading.getStyleClass().add("section-heading");
        getChildren().addAll(heading, checklistHeading, checklistScroll, findingsHeading, findings, actions,
                signOffStatus);
    }

    /** A disabled button shows no tooltip of its own, so its tooltip goes on a wrapper around it too. */
    private static StackPane wrapped(Button button) {
        StackPane wrapper = new StackPane(button);
        Tooltip.install(wrapper, button.getTooltip());
        return wrapper;
    }

    public Button dryRunButton() {
        return dryRun;
    }

    public Button copyMarkdownButton() {
        return copyMarkdown;
    }

    public Label signOffStatus() {
        return signOffStatus;
    }

    public Button signOffButton() {
        return signOff;
    }
}

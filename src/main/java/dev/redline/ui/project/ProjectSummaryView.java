package dev.redline.ui.project;

import dev.redline.ui.migrations.MigrationListViewModel;
import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * {@code #projectSummary}: the project's name, how many migrations need review, counts by severity, and
 * {@code #nextReviewButton}, which selects the next migration needing review (F8).
 */
public final class ProjectSummaryView extends HBox {

    private final Label name = new Label();
    private final Label headline = new Label();
    private final Label destructive = chip("destructive");
    private final Label risky = chip("risky");
    private final Label info = chip("info");
    private final Label unparsed = chip("unparsed");
    private final Label unreadable = chip("unreadable");
    private final Button next = new Button();

    public ProjectSummaryView(ProjectViewModel project, MigrationListViewModel migrations, Runnable nextToReview) {
        super(10);
        setId("projectSummary");
        getStyleClass().add("project-summary");
        setAlignment(Pos.CENTER_LEFT);
        name.getStyleClass().add("project-name");
        headline.setId("summaryHeadline");
        headline.getStyleClass().add("summary-headline");
        next.setId("nextReviewButton");
        next.getStyleClass().add("next-review");
        next.setTooltip(new Tooltip("Select the next migration that needs review (F8)"));
        next.setOnAction(e -> nextToReview.run());
        next.setMinWidth(0);
        next.setMnemonicParsing(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(name, headline, destructive, risky, unparsed, info, unreadable, spacer, next);

        project.rootProperty().addListener((o, was, now) -> name.setText(nameOf(now)));
        migrations.summaryProperty().addListener((o, was, now) -> update(now, migrations));
        migrations.selectedProperty().addListener((o, was, now) -> update(migrations.summaryProperty().get(),
                migrations));
        update(ProjectSummary.EMPTY, migrations);
    }

    private static Label chip(String severity) {
        Label l = new Label();
        l.getStyleClass().addAll("badge", "badge-" + severity, "summary-chip");
        l.setId("summary-" + severity);
        return l;
    }

    private static String nameOf(Path root) {
        return root == null ? "" : String.valueOf(root.getFileName());
    }

    private void update(ProjectSummary s, MigrationListViewModel migrations) {
        headline.setText(s.migrations() == 0 ? "No migrations" : s.headline());
        set(destructive, s.destructive(), "destructive");
        set(risky, s.risky(), "risky");
        set(info, s.info(), "info");
        set(unparsed, s.unparsed(), "unparsed");
        set(unreadable, s.unreadable(), "unreadable");
        var upcoming = migrations.nextNeedingReview();
        next.setText(upcoming.map(e -> "Next to review: " + e.name() + "  ▸").orElse("Nothing needs review"));
        next.setDisable(upcoming.isEmpty());
    }

    private static void set(Label chip, int n, String what) {
        chip.setText(n + " " + what);
        chip.setVisible(n > 0);
        chip.setManaged(n > 0);
    }
}

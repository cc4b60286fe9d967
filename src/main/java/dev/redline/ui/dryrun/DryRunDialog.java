package dev.redline.ui.dryrun;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * {@code #dryRunDialog}: where to dry-run the migration. The embedded scratch database is the default; a JDBC URL
 * takes an optional password kept in memory for the session (the URL, {@code PGPASSWORD} or {@code .pgpass} work
 * too). Production targets are refused when the run starts. {@code #throwawayCopyCheck} (JDBC only, off unless
 * chosen earlier in the session) also runs a migration PostgreSQL refuses in a transaction whole on a throwaway copy
 * of the target; the embedded scratch database always does that.
 */
public final class DryRunDialog extends Dialog<DryRunTarget> {

    public static final ButtonType RUN = new ButtonType("Run dry-run", ButtonBar.ButtonData.OK_DONE);

    public DryRunDialog(String migrationName, DryRunViewModel model) {
        setTitle("Dry-run " + migrationName);
        getDialogPane().setId("dryRunDialog");
        setHeaderText("Run " + migrationName + " in a transaction that is rolled back.");

        ToggleGroup group = new ToggleGroup();
        RadioButton embedded = new RadioButton("Embedded scratch database (earlier migrations applied first)");
        embedded.setId("targetEmbedded");
        embedded.setToggleGroup(group);
        RadioButton jdbc = new RadioButton("A database I name (JDBC URL, never production):");
        jdbc.setId("targetJdbc");
        jdbc.setToggleGroup(group);
        TextField url = new TextField(model.lastUrl());
        url.setId("jdbcUrl");
        url.setPromptText("jdbc:postgresql://host:5432/db?user=…");
        PasswordField password = new PasswordField();
        password.setId("jdbcPassword");
        password.setText(model.sessionPassword());
        password.setPromptText("password (kept in memory only; optional)");
        CheckBox throwawayCopy = new CheckBox("Also run it whole on a throwaway copy (CREATE DATABASE … TEMPLATE, "
                + "dropped afterwards; needs CREATEDB and no other session on the database)");
        throwawayCopy.setId("throwawayCopyCheck");
        throwawayCopy.setWrapText(true);
        throwawayCopy.setSelected(model.lastThrowawayCopy());
        throwawayCopy.setTooltip(new Tooltip("For statements PostgreSQL refuses in a transaction (CREATE INDEX "
                + "CONCURRENTLY, VACUUM, …), which the rolled-back dry-run skips. The embedded scratch database "
                + "always does this."));
        url.disableProperty().bind(jdbc.selectedProperty().not());
        password.disableProperty().bind(jdbc.selectedProperty().not());
        throwawayCopy.disableProperty().bind(jdbc.selectedProperty().not());
        (model.lastWasJdbc() ? jdbc : embedded).setSelected(true);
        Label note = new Label("Targets listed in .redline/production are refused. Nothing is committed.");
        note.setWrapText(true);
        VBox content = new VBox(8, embedded, jdbc, url, password, throwawayCopy, note);
        content.setPadding(new Insets(8));
        content.setPrefWidth(480);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(RUN, ButtonType.CANCEL);
        Button run = (Button) getDialogPane().lookupButton(RUN);
        run.setId("dryRunStart");
        run.disableProperty().bind(jdbc.selectedProperty().and(url.textProperty().isEmpty()));
        setResultConverter(b -> b != RUN ? null : jdbc.isSelected()
                ? new DryRunTarget.Jdbc(url.getText(), password.getText(), throwawayCopy.isSelected())
                : DryRunTarget.embedded());
    }
}

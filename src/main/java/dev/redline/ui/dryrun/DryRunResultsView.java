package dev.redline.ui.dryrun;

import dev.redline.dryrun.DryRunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * {@code #dryRunResults}: the status of the running dry-run with its Cancel, then the last report: row counts
 * ({@code #rowCounts}, rows that lose rows carry the style class {@code loss}), the schema diff, the per-statement
 * timeline and the failures with their SQLSTATE; and, when the migration also ran whole on a throwaway copy, a
 * "Throwaway copy" tab ({@code #throwawayCopies}): per copy a heading ({@code throwaway-heading}), its statements
 * ({@code throwaway-statements}, failed ones styled {@code failed}), row counts and schema changes.
 */
public final class DryRunResultsView extends VBox {

    /** A row of {@code #rowCounts}. */
    public record CountRow(String table, Long before, Long after) {
        public boolean loss() {
            return before != null && (after == null || after < before);
        }

        String change() {
            if (before == null) {
                return "created";
            }
            if (after == null) {
                return "dropped (−" + before + ")";
            }
            long d = after - before;
            return d == 0 ? "" : (d > 0 ? "+" : "−") + Math.abs(d);
        }
    }

    private final TableView<CountRow> rowCounts = new TableView<>();
    private final ListView<String> schemaDiff = new ListView<>();
    private final TableView<DryRunReport.StatementRun> timeline = new TableView<>();
    private final ListView<String> failures = new ListView<>();
    private final Label heading = new Label("No dry-run yet");
    private final VBox throwawayCopies = new VBox(6);
    private final Tab throwawayTab;
    private final TabPane tabs;

    public DryRunResultsView(DryRunViewModel model) {
        setId("dryRunResults");
        getStyleClass().add("dry-run-results");
        getStylesheets().add(DryRunResultsView.class.getResource("dry-run.css").toExternalForm());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        Label status = new Label();
        status.setId("dryRunStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId("dryRunCancel");
        cancel.getStyleClass().add("small");
        cancel.setOnAction(e -> model.cancel());
        for (var n : List.of(spinner, cancel)) {
            n.visibleProperty().bind(model.runningProperty());
            n.managedProperty().bind(model.runningProperty());
        }
        HBox statusRow = new HBox(6, spinner, status, cancel);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        model.errorProperty().addListener((o, was, now) -> {
            status.getStyleClass().remove("dry-run-error-text");
            if (now != null) {
                status.getStyleClass().add("dry-run-error-text");
            }
        });

        heading.getStyleClass().add("dry-run-heading");
        heading.setWrapText(true);

        rowCounts.setId("rowCounts");
        countColumns(rowCounts);
        rowCounts.setPlaceholder(new Label("No tables touched"));

        schemaDiff.setId("schemaDiff");
        schemaDiff.setPlaceholder(new Label("No schema changes"));

        timeline.setId("statementTimeline");
        statementColumns(timeline, true);

        failures.setId("dryRunFailures");
        failures.setPlaceholder(new Label("No failures"));

        throwawayCopies.setId("throwawayCopies");
        throwawayCopies.getStyleClass().add("throwaway-copies");
        ScrollPane copiesScroll = new ScrollPane(throwawayCopies);
        copiesScroll.setFitToWidth(true);
        throwawayTab = tab("Throwaway copy", copiesScroll);
        throwawayTab.setId("throwawayCopyTab");

        tabs = new TabPane(tab("Row counts", rowCounts), tab("Schema diff", schemaDiff),
                tab("Statements", timeline), tab("Failures", failures));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(statusRow, heading, tabs);

        model.resultProperty().addListener((o, was, now) -> show(now));
        show(model.resultProperty().get());
    }

    private static Tab tab(String name, javafx.scene.Node content) {
        return new Tab(name, content);
    }

    private static <S> TableColumn<S, String> column(String name, Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(name);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private static void countColumns(TableView<CountRow> table) {
        table.getColumns().add(column("Table", CountRow::table, 200));
        table.getColumns().add(column("Before", r -> r.before() == null ? "—" : r.before().toString(), 90));
        table.getColumns().add(column("After", r -> r.after() == null ? "—" : r.after().toString(), 90));
        table.getColumns().add(column("Change", CountRow::change, 120));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CountRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("loss");
                if (!empty && item != null && item.loss()) {
                    getStyleClass().add("loss");
                }
            }
        });
    }

    /** The timeline's columns (with the locks taken), or a throwaway copy's (with the error or note instead). */
    private static void statementColumns(TableView<DryRunReport.StatementRun> table, boolean withLocks) {
        table.getColumns().add(column("Line", s -> Integer.toString(s.line()), 50));
        table.getColumns().add(column("ms", s -> s.outcome() == DryRunReport.StatementOutcome.SKIPPED ? ""
                : String.format("%.1f", s.durationMs()), 70));
        table.getColumns().add(column("Outcome", s -> s.outcome().id(), 70));
        if (withLocks) {
            table.getColumns().add(column("Locks", DryRunResultsView::locks, 220));
        }
        table.getColumns().add(column("Rows", s -> s.rows() == null ? "" : s.rows().toString(), 60));
        table.getColumns().add(column("Statement", s -> oneLine(s.sql()), 360));
        if (!withLocks) {
            table.getColumns().add(column("Error / note", DryRunViewModel::statementDetail, 320));
        }
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(DryRunReport.StatementRun item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("failed");
                if (!empty && item != null && item.outcome() == DryRunReport.StatementOutcome.ERROR) {
                    getStyleClass().add("failed");
                }
            }
        });
    }

    /** A table as tall as its rows, for the throwaway copies' section, which scrolls as a whole. */
    private static <T extends javafx.scene.control.Control> T sized(T control, int rows, boolean header) {
        double cell = 24;
        if (control instanceof TableView<?> t) {
            t.setFixedCellSize(cell);
        } else if (control instanceof ListView<?> l) {
            l.setFixedCellSize(cell);
        }
        control.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // The theme's column header is about 40 px; room is left for a horizontal scroll bar too, so the last row
        // is never hidden behind it.
        control.setPrefHeight(cell * rows + (header ? 42 : 0) + 22);
        return control;
    }

    private static String locks(DryRunReport.StatementRun s) {
        List<String> out = new ArrayList<>();
        for (DryRunReport.HeldLock l : s.locks()) {
            out.add(l.mode() + " on " + l.relation());
        }
        return String.join(", ", out);
    }

    private static String oneLine(String sql) {
        String s = sql == null ? "" : sql.replaceAll("\\s+", " ").strip();
        return s.length() > 160 ? s.substring(0, 157) + "…" : s;
    }

    private void show(DryRunViewModel.Result result) {
        if (result == null) {
            heading.setText("No dry-run yet");
            showThrowawayCopies(List.of());
            return;
        }
        DryRunReport r = result.report();
        DryRunReport.Target t = r.database();
        String where = r.embedded() != null ? "embedded PostgreSQL " + r.embedded().serverVersion()
                : (t == null ? "?" : t.url() + " — database " + t.database() + " as " + t.user() + ", role "
                + (t.role() == null ? "not declared" : t.role()) + ", PostgreSQL " + t.serverVersion());
        heading.setText(result.migration().getFileName() + " on " + where + " — "
                + DryRunViewModel.summary(r));
        List<CountRow> counts = new ArrayList<>();
        List<String> diff = new ArrayList<>();
        List<DryRunReport.StatementRun> statements = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (DryRunReport.MigrationRun m : r.migrations()) {
            m.rowCounts().forEach(c -> counts.add(new CountRow(c.table(), c.before(), c.after())));
            m.schemaChanges().forEach(c -> diff.add(describe(c)));
            statements.addAll(m.statements());
            if (m.reason() != null && m.outcome() != DryRunReport.MigrationOutcome.OK) {
                failed.add(m.path() + ": " + m.outcome().id() + " — " + m.reason());
            }
            for (DryRunReport.StatementRun s : m.statements()) {
                if (s.error() != null) {
                    failed.add("Line " + s.line() + ": " + DryRunViewModel.statementDetail(s));
                }
            }
        }
        List<DryRunReport.ThrowawayRun> copies = DryRunViewModel.throwawayRunsFor(r, result.migration());
        for (DryRunReport.ThrowawayRun c : copies) {
            if (c.outcome() == DryRunReport.ThrowawayOutcome.FAILED && c.reason() != null) {
                failed.add("On the throwaway copy: failed — " + c.reason());
            }
            for (DryRunReport.StatementRun s : c.statements()) {
                if (s.error() != null) {
                    failed.add("On the throwaway copy, line " + s.line() + ": " + DryRunViewModel.statementDetail(s));
                }
            }
        }
        if (r.abort() != null) {
            failed.add("Stopped (" + r.abort().kind() + "): " + r.abort().message());
        }
        rowCounts.setItems(FXCollections.observableList(counts));
        schemaDiff.setItems(FXCollections.observableList(diff));
        timeline.setItems(FXCollections.observableList(statements));
        failures.setItems(FXCollections.observableList(failed));
        showThrowawayCopies(copies);
    }

    /** Fills {@code #throwawayCopies} and shows its tab only when the migration ran (or not) on a throwaway copy. */
    private void showThrowawayCopies(List<DryRunReport.ThrowawayRun> copies) {
        List<javafx.scene.Node> nodes = new ArrayList<>();
        for (DryRunReport.ThrowawayRun c : copies) {
            Label title = new Label(DryRunViewModel.throwawayHeading(c));
            title.setWrapText(true);
            title.getStyleClass().add("throwaway-heading");
            boolean bad = c.outcome() == DryRunReport.ThrowawayOutcome.FAILED || (c.database() != null && !c.dropped());
            if (bad) {
                title.getStyleClass().add("dry-run-error-text");
            }
            nodes.add(title);
            if (c.outcome() == DryRunReport.ThrowawayOutcome.FAILED && c.reason() != null) {
                Label why = new Label(c.reason());
                why.setWrapText(true);
                why.getStyleClass().addAll("throwaway-reason", "dry-run-error-text");
                nodes.add(why);
            }
            if (!c.statements().isEmpty()) {
                TableView<DryRunReport.StatementRun> statements = new TableView<>();
                statements.getStyleClass().add("throwaway-statements");
                statementColumns(statements, false);
                statements.setItems(FXCollections.observableList(c.statements()));
                nodes.add(sized(statements, c.statements().size(), true));
            }
            if (!c.rowCounts().isEmpty()) {
                TableView<CountRow> counts = new TableView<>();
                counts.getStyleClass().add("throwaway-row-counts");
                countColumns(counts);
                List<CountRow> rows = new ArrayList<>();
                c.rowCounts().forEach(n -> rows.add(new CountRow(n.table(), n.before(), n.after())));
                counts.setItems(FXCollections.observableList(rows));
                nodes.add(sized(counts, rows.size(), true));
            }
            if (!c.schemaChanges().isEmpty()) {
                ListView<String> changes = new ListView<>();
                changes.getStyleClass().add("throwaway-schema-changes");
                List<String> lines = new ArrayList<>();
                c.schemaChanges().forEach(ch -> lines.add(describe(ch)));
                changes.setItems(FXCollections.observableList(lines));
                nodes.add(sized(changes, lines.size(), false));
            }
        }
        throwawayCopies.getChildren().setAll(nodes);
        if (copies.isEmpty()) {
            tabs.getTabs().remove(throwawayTab);
        } else if (!tabs.getTabs().contains(throwawayTab)) {
            tabs.getTabs().add(throwawayTab);
        }
    }

    private static String describe(DryRunReport.SchemaChange c) {
        StringBuilder b = new StringBuilder(c.change()).append(' ').append(c.table());
        if (c.column() != null) {
            b.append('.').append(c.column());
        }
        if (c.object() != null) {
            b.append(" ").append(c.object());
        }
        if (c.from() != null || c.to() != null) {
            b.append(": ").append(c.from() == null ? "" : c.from()).append(" → ").append(c.to() == null ? ""
                    : c.to());
        }
        return b.toString();
    }

    public TableView<CountRow> rowCounts() {
        return rowCounts;
    }

    /** {@code #throwawayCopies}: empty, its tab hidden, unless the shown migration ran on a throwaway copy. */
    public VBox throwawayCopies() {
        return throwawayCopies;
    }
}

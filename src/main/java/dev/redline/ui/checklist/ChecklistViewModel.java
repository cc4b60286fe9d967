package dev.redline.ui.checklist;

import dev.redline.core.analysis.ChecklistAnswer;
import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.model.ChecklistPoint;
import dev.redline.core.model.Finding;
import dev.redline.core.model.Migration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The right-hand pane: the six checklist points of the shown migration, its findings, and the reviewer's ticks.
 * Ticks are kept per migration for the session (recording them in a review file arrives with sign-offs), and survive
 * live re-analysis of the same migration.
 */
public final class ChecklistViewModel {

    private final List<CheckpointItem> points = new ArrayList<>();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("No migration selected");
    private final ReadOnlyIntegerWrapper ticked = new ReadOnlyIntegerWrapper();
    private final Map<Migration, boolean[]> ticks = new HashMap<>();
    private final Consumer<Finding> onActivate;
    private Migration shown;
    private boolean loading;

    /** @param onActivate what following a finding does (the editor selects it) */
    public ChecklistViewModel(Consumer<Finding> onActivate) {
        this.onActivate = onActivate;
        for (ChecklistPoint p : ChecklistPoint.values()) {
            CheckpointItem item = new CheckpointItem(p);
            item.checkedProperty().addListener((o, was, now) -> ticked(item, now));
            points.add(item);
        }
    }

    /** Shows a migration's (possibly live) analysis; null shows nothing. */
    public void show(MigrationAnalysis analysis) {
        loading = true;
        try {
            if (analysis == null) {
                shown = null;
                heading.set("No migration selected");
                findings.clear();
                for (CheckpointItem item : points) {
                    item.update("", false, List.of());
                    item.checkedProperty().set(false);
                }
                return;
            }
            Migration m = analysis.migration();
            shown = m;
            heading.set(headingFor(analysis));
            boolean[] mine = ticks.computeIfAbsent(m, k -> new boolean[points.size()]);
            for (int i = 0; i < points.size(); i++) {
                CheckpointItem item = points.get(i);
                ChecklistAnswer answer = answerFor(analysis, i + 1);
                if (answer == null) {
                    item.update("", false, List.of());
                } else {
                    item.update(answer.answer(), answer.flagged(), answer.findings());
                }
                item.checkedProperty().set(mine[i]);
            }
            findings.setAll(analysis.findings());
        } finally {
            loading = false;
            ticked.set((int) points.stream().filter(CheckpointItem::isChecked).count());
        }
    }

    /** "5 findings: 2 destructive, 2 risky, 1 info", the line above the checklist. */
    static String headingFor(MigrationAnalysis analysis) {
        if (analysis.source() == null) {
            return "Could not be read: review the file by hand";
        }
        int n = analysis.findings().size();
        if (n == 0) {
            return "No findings";
        }
        java.util.Map<dev.redline.core.model.Severity, Long> by = new java.util.EnumMap<>(
                dev.redline.core.model.Severity.class);
        for (Finding f : analysis.findings()) {
            by.merge(f.severity(), 1L, Long::sum);
        }
        StringBuilder sb = new StringBuilder().append(n).append(n == 1 ? " finding: " : " findings: ");
        String sep = "";
        for (var e : by.entrySet()) {
            sb.append(sep).append(e.getValue()).append(' ').append(e.getKey().id());
            sep = ", ";
        }
        return sb.toString();
    }

    private static ChecklistAnswer answerFor(MigrationAnalysis analysis, int number) {
        for (ChecklistAnswer a : analysis.checklist()) {
            if (a.point().number() == number) {
                return a;
            }
        }
        return null;
    }

    private void ticked(CheckpointItem item, boolean now) {
        if (loading || shown == null) {
            return;
        }
        ticks.computeIfAbsent(shown, k -> new boolean[points.size()])[item.number() - 1] = now;
        ticked.set((int) points.stream().filter(CheckpointItem::isChecked).count());
    }

    /** Follows a finding: the editor selects its span and scrolls to its line. */
    public void activate(Finding finding) {
        if (finding != null) {
            onActivate.accept(finding);
        }
    }

    public List<CheckpointItem> points() {
        return points;
    }

    public CheckpointItem point(int number) {
        return points.get(number - 1);
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** How many points the reviewer ticked for the shown migration. */
    public ReadOnlyIntegerProperty tickedProperty() {
        return ticked.getReadOnlyProperty();
    }
}

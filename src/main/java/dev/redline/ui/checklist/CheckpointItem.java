package dev.redline.ui.checklist;

import dev.redline.core.model.ChecklistPoint;
import dev.redline.core.model.Finding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One of the six checklist points for the shown migration: the question, Redline's answer naming the targets, the
 * findings behind it, whether it is flagged, and whether the reviewer ticked it.
 */
public final class CheckpointItem {

    private final ChecklistPoint point;
    private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper flagged = new ReadOnlyBooleanWrapper();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final BooleanProperty checked = new SimpleBooleanProperty();

    CheckpointItem(ChecklistPoint point) {
        this.point = point;
    }

    public int number() {
        return point.number();
    }

    public String question() {
        return point.question();
    }

    public ReadOnlyStringProperty answerProperty() {
        return answer.getReadOnlyProperty();
    }

    public String answer() {
        return answer.get();
    }

    public ReadOnlyBooleanProperty flaggedProperty() {
        return flagged.getReadOnlyProperty();
    }

    public boolean isFlagged() {
        return flagged.get();
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public BooleanProperty checkedProperty() {
        return checked;
    }

    public boolean isChecked() {
        return checked.get();
    }

    void update(String text, boolean isFlagged, java.util.List<Finding> found) {
        answer.set(text);
        flagged.set(isFlagged);
        findings.setAll(found);
    }
}

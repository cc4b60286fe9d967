package dev.redline.core.analysis;

import dev.redline.core.model.ChecklistPoint;
import dev.redline.core.model.Finding;
import java.util.List;

/** The automatic answer to one checklist point, with the findings behind it. */
public record ChecklistAnswer(ChecklistPoint point, String answer, boolean flagged, List<Finding> findings) {

    public String question() {
        return point.question();
    }
}

package dev.redline.core.analysis;

import dev.redline.core.model.ChecklistPoint;
import dev.redline.core.model.Finding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Answers the six checklist points of one migration from its findings and its transaction mode. */
final class ChecklistBuilder {

    private static final int MAX_LISTED = 6;

    private ChecklistBuilder() {
    }

    static List<ChecklistAnswer> build(List<Finding> findings, TransactionMode mode, boolean readable) {
        List<ChecklistAnswer> answers = new ArrayList<>(6);
        for (ChecklistPoint point : ChecklistPoint.values()) {
            List<Finding> mine = findings.stream().filter(f -> f.checklist() == point.number()).toList();
            if (!readable) {
                answers.add(new ChecklistAnswer(point, "Cannot tell: the file could not be read.", true, mine));
                continue;
            }
            boolean flagged = mine.stream().anyMatch(f -> f.severity().blocksGate());
            String answer;
            if (point == ChecklistPoint.TRANSACTION) {
                answer = mode.explanation() + (mine.isEmpty() ? "" : " " + describe(mine));
                flagged = flagged || !Boolean.TRUE.equals(mode.inTransaction());
            } else if (mine.isEmpty()) {
                answer = nothing(point);
            } else {
                answer = describe(mine);
            }
            answers.add(new ChecklistAnswer(point, answer, flagged, mine));
        }
        return answers;
    }

    private static String nothing(ChecklistPoint point) {
        return switch (point) {
            case DROPS -> "Nothing: it drops no table, column or data.";
            case TYPE_CHANGES -> "Nothing: no column changes type.";
            case CONSTRAINTS -> "Nothing: no constraint is imposed on existing rows.";
            case RENAMES -> "Nothing: no table or column is renamed.";
            case LOCKS -> "No: nothing takes a long lock on an existing table.";
            case TRANSACTION -> "";
        };
    }

    /** The findings' own messages, deduplicated, the first few listed. */
    private static String describe(List<Finding> findings) {
        Set<String> lines = new LinkedHashSet<>();
        for (Finding f : findings) {
            lines.add(f.message());
        }
        List<String> listed = new ArrayList<>(lines);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(MAX_LISTED, listed.size()); i++) {
            sb.append(i == 0 ? "" : " ").append(listed.get(i));
        }
        if (listed.size() > MAX_LISTED) {
            sb.append(" And ").append(listed.size() - MAX_LISTED).append(" more.");
        }
        return sb.toString();
    }
}

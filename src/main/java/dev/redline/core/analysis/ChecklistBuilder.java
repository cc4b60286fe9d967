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
        ChecklistPoint[] points = ChecklistPoint.values();
        // One pass over the findings, each to its point's list (most migrations have none at all).
        List<List<Finding>> byPoint = new ArrayList<>(points.length);
        for (int i = 0; i < points.length; i++) {
            byPoint.add(new ArrayList<>(0));
        }
        for (Finding f : findings) {
            for (int i = 0; i < points.length; i++) {
                if (points[i].number() == f.checklist()) {
                    byPoint.get(i).add(f);
                    break;
                }
            }
        }
        List<ChecklistAnswer> answers = new ArrayList<>(6);
        for (int i = 0; i < points.length; i++) {
            ChecklistPoint point = points[i];
            List<Finding> mine = List.copyOf(byPoint.get(i));
            if (!readable) {
                answers.add(new ChecklistAnswer(point, "Cannot tell: the file could not be read.", true, mine));
                continue;
            }
            boolean flagged = false;
            for (Finding f : mine) {
                flagged |= f.severity().blocksGate();
            }
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

    /**
     * Short phrases naming what each finding is about ("drops column public.customers.phone"), deduplicated, the
     * first few listed; the full messages stay on the findings themselves.
     */
    private static String describe(List<Finding> findings) {
        Set<String> phrases = new LinkedHashSet<>();
        for (Finding f : findings) {
            phrases.add(phrase(f));
        }
        List<String> listed = new ArrayList<>(phrases);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(MAX_LISTED, listed.size()); i++) {
            sb.append(i == 0 ? "" : "; ").append(listed.get(i));
        }
        if (listed.size() > MAX_LISTED) {
            sb.append("; and ").append(listed.size() - MAX_LISTED).append(" more");
        }
        String text = sb.toString();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    /** What one finding says, in a few words with its target. */
    static String phrase(Finding f) {
        String t = f.target() == null ? "" : f.target();
        return switch (f.rule()) {
            case "drop-table" -> "drops table " + t;
            case "drop-column" -> "drops column " + t;
            case "drop-schema" -> "drops schema " + t;
            case "drop-database" -> "drops database " + t;
            case "truncate" -> "empties " + t + " (TRUNCATE)";
            case "delete-without-where" -> "deletes every row of " + t + " (DELETE without WHERE)";
            case "update-without-where" -> "overwrites every row of " + t + " (UPDATE without WHERE)";
            case "rename-as-drop" -> "loses the values of " + t + " (a rename done as drop and re-create)";
            case "drop-constraint" -> "drops constraint " + t;
            case "add-not-null" -> "NOT NULL on " + t + " fails if a row is NULL";
            case "add-unique" -> "UNIQUE/PRIMARY KEY on " + t + " fails on duplicates";
            case "add-foreign-key" -> "FOREIGN KEY on " + t + " fails on rows without a match";
            case "add-check" -> "CHECK on " + t + " fails on violating rows";
            case "add-exclusion" -> "EXCLUDE on " + t + " fails on conflicting rows";
            case "rename-table" -> "renames table " + t;
            case "rename-column" -> "renames column " + t;
            case "blocking-index-build" -> "index build blocks writes to " + t;
            case "blocking-index-drop" -> "DROP INDEX " + t + " locks its table";
            case "table-rewrite" -> "rewrites " + t + " under ACCESS EXCLUSIVE";
            case "missing-lock-timeout" -> "no lock_timeout before locking " + t;
            default -> lowerFirst(stripPeriod(f.message()));
        };
    }

    private static String stripPeriod(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** "Changes x" → "changes x", but "DO block" and "CALL p" keep their capitals. */
    private static String lowerFirst(String s) {
        if (s.length() < 2 || Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}

package dev.redline.core.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes of a {@code sqitch.plan}, in deploy order, with the script name each one uses. Read tolerantly:
 * pragmas ({@code %...}), comments and blank lines are skipped, tags ({@code @v1.0 ...}) only matter for reworked
 * changes, and a change line is its first word (dependencies, timestamp, planner and note are ignored).
 */
final class SqitchPlan {

    /**
     * One change of the plan.
     *
     * @param name   the change name
     * @param script the script's name without {@code .sql}: the name, or {@code name@tag} for a change that was
     *               reworked later (Sqitch keeps the old version of the script under the first tag that follows it)
     */
    record Change(String name, String script) {
    }

    private SqitchPlan() {
    }

    static List<Change> parse(String text) {
        List<String> names = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<Integer> tagPositions = new ArrayList<>();
        int position = 0;
        for (Lines.Line line : Lines.of(text)) {
            String t = Lines.trimmed(line.text(text));
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("%")) {
                continue;
            }
            position++;
            String word = t.split("[\\s\\[]", 2)[0];
            if (word.startsWith("@")) {
                tags.add(word);
                tagPositions.add(position);
                continue;
            }
            // Old plans may mark changes with + (deploy) or - (revert); the name follows.
            if (word.startsWith("+") || word.startsWith("-")) {
                word = word.substring(1);
            }
            if (!word.isEmpty()) {
                names.add(word);
                positions.add(position);
            }
        }
        Map<String, Integer> lastIndex = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            lastIndex.put(names.get(i), i);
        }
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String script = name;
            if (lastIndex.get(name) != i) {
                String tag = firstTagAfter(positions.get(i), tags, tagPositions);
                if (tag != null) {
                    script = name + tag;
                }
            }
            changes.add(new Change(name, script));
        }
        return changes;
    }

    private static String firstTagAfter(int position, List<String> tags, List<Integer> tagPositions) {
        for (int i = 0; i < tags.size(); i++) {
            if (tagPositions.get(i) > position) {
                return tags.get(i);
            }
        }
        return null;
    }
}

package dev.redline.ui.editor;

import dev.redline.core.model.Finding;
import dev.redline.core.rules.RuleInfo;
import dev.redline.core.rules.Rules;
import java.util.List;
import java.util.stream.Collectors;

/** How a finding reads in a hover, a gutter tooltip or a list: rule, message, and the safer alternative. */
public final class FindingText {

    private FindingText() {
    }

    /** {@code destructive · drop-column}, the heading of a hover. */
    public static String heading(Finding f) {
        return f.severity().id() + " · " + f.rule();
    }

    /** The safer alternative: the finding's own hint, else its rule's. */
    public static String saferAlternative(Finding f) {
        if (f.hint() != null && !f.hint().isBlank()) {
            return f.hint();
        }
        RuleInfo info = Rules.info(f.rule());
        return info == null ? null : info.saferAlternative();
    }

    /** Heading, message and safer alternative, one paragraph each. */
    public static String hover(Finding f) {
        String safer = saferAlternative(f);
        return heading(f) + "\n" + f.message() + (safer == null ? "" : "\nSafer: " + safer);
    }

    public static String hover(List<Finding> findings) {
        return findings.stream().map(FindingText::hover).collect(Collectors.joining("\n\n"));
    }

    /** One line for lists: {@code L12  drop-column  Drops column …}. */
    public static String oneLine(Finding f) {
        return "L" + f.line() + "  " + f.rule() + "  " + f.message();
    }
}

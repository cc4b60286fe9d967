package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import dev.redline.core.parse.Span;

/** Where rules put what they find; the analyser turns each report into a {@link dev.redline.core.model.Finding}. */
public interface FindingSink {

    /** Reports a finding at the rule's default severity, with the rule's safer alternative as hint. */
    default void report(RuleInfo rule, Span span, String target, String message) {
        report(rule, rule.severity(), span, target, message, rule.saferAlternative());
    }

    default void report(RuleInfo rule, Severity severity, Span span, String target, String message) {
        report(rule, severity, span, target, message, rule.saferAlternative());
    }

    void report(RuleInfo rule, Severity severity, Span span, String target, String message, String hint);
}

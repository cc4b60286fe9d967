package dev.redline.core.rules;

import dev.redline.core.model.Severity;

/**
 * A rule's metadata: its public id, the checklist point it answers (0 for none), its default severity, what it
 * detects in one line and the safer alternative shown as the finding's hint.
 */
public record RuleInfo(String id, int checklistPoint, Severity severity, String summary, String saferAlternative) {
}

package dev.redline.ui.migrations;

import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.model.Finding;
import dev.redline.core.model.Severity;

/**
 * The badge a migration carries in the list. Review states (reviewed, stale) arrive with sign-offs. The order is the
 * order of precedence: a migration that drops data is "destructive" even if it also has an unparsed statement.
 */
public enum MigrationStatus {
    UNREADABLE("unreadable", "The file could not be read as UTF-8 SQL text"),
    DESTRUCTIVE("destructive", "Loses data: a human must sign it off"),
    UNPARSED("unparsed", "Has statements Redline could not parse: a human must read them"),
    RISKY("risky", "Could fail, lock or break the running application: a human must sign it off"),
    SAFE("safe", "Nothing that needs a sign-off");

    private final String label;
    private final String description;

    MigrationStatus(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public static MigrationStatus of(MigrationAnalysis analysis) {
        if (analysis.source() == null) {
            return UNREADABLE;
        }
        boolean unparsed = false;
        Severity worst = null;
        for (Finding f : analysis.findings()) {
            worst = Severity.worst(worst, f.severity());
            unparsed |= f.rule().equals("unparsed");
        }
        if (worst == Severity.DESTRUCTIVE) {
            return DESTRUCTIVE;
        }
        if (unparsed) {
            return UNPARSED;
        }
        return worst == Severity.RISKY ? RISKY : SAFE;
    }

    /** The badge text, also the word the filter box matches. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The badge's CSS class, e.g. {@code badge-destructive}. */
    public String styleClass() {
        return "badge-" + label;
    }
}

package dev.redline.review;

import dev.redline.core.model.Severity;
import dev.redline.core.rules.Rule;
import dev.redline.core.rules.RuleInfo;
import dev.redline.core.rules.Rules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project's rules switched off or re-levelled ({@code rule.<id>=off|info|risky|destructive} in
 * {@code .redline/config.properties}). Applied to the rules themselves, before analysis, so the checklist, the
 * gate and every report see the same findings.
 */
public final class RuleSettings {

    /** What a project set a rule to. */
    public enum Level {
        OFF("off", null), INFO("info", Severity.INFO), RISKY("risky", Severity.RISKY),
        DESTRUCTIVE("destructive", Severity.DESTRUCTIVE);

        private final String id;
        private final Severity severity;

        Level(String id, Severity severity) {
            this.id = id;
            this.severity = severity;
        }

        public String id() {
            return id;
        }

        static Level fromId(String id) {
            for (Level l : values()) {
                if (l.id.equals(id)) {
                    return l;
                }
            }
            return null;
        }
    }

    private static final RuleSettings DEFAULTS = new RuleSettings(Map.of());

    private final Map<String, Level> levels;

    RuleSettings(Map<String, Level> levels) {
        this.levels = Map.copyOf(levels);
    }

    public static RuleSettings defaults() {
        return DEFAULTS;
    }

    /** Every rule id the project set, with its level, in id order. */
    public Map<String, Level> levels() {
        Map<String, Level> sorted = new LinkedHashMap<>();
        levels.keySet().stream().sorted().forEach(id -> sorted.put(id, levels.get(id)));
        return sorted;
    }

    public boolean isDefault() {
        return levels.isEmpty();
    }

    /** The rules to analyse with: those switched off left out, the re-levelled ones reporting at their new level. */
    public List<Rule> apply(List<Rule> rules) {
        if (levels.isEmpty()) {
            return rules;
        }
        List<Rule> out = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            Level level = levels.get(rule.info().id());
            if (level == null) {
                out.add(rule);
            } else if (level != Level.OFF) {
                out.add(new Relevelled(rule, level.severity));
            }
        }
        return List.copyOf(out);
    }

    /** {@link #apply} to every rule Redline has. */
    public List<Rule> rules() {
        return apply(Rules.all());
    }

    /** A rule whose every finding is reported at one severity. */
    private record Relevelled(Rule rule, Severity severity) implements Rule {
        @Override
        public RuleInfo info() {
            RuleInfo i = rule.info();
            return new RuleInfo(i.id(), i.checklistPoint(), severity, i.summary(), i.saferAlternative());
        }

        @Override
        public void check(dev.redline.core.rules.StatementContext context, dev.redline.core.rules.FindingSink sink) {
            rule.check(context, (info, ignored, span, target, message, hint) ->
                    sink.report(info, severity, span, target, message, hint));
        }
    }
}

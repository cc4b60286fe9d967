package dev.redline.dryrun;

import dev.redline.core.model.MigrationScript;
import dev.redline.core.model.Tool;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway replaces {@code ${name}} in a script before sending it; the dry-run must send what Flyway would. Values
 * come from the project's Flyway configuration and Flyway's built-ins ({@code ${flyway:user}}, …). Other tools send
 * the text as it is.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}\\s]+)}");

    private final Map<String, String> values;

    private Placeholders(Map<String, String> values) {
        this.values = values;
    }

    static Placeholders none() {
        return new Placeholders(null);
    }

    static Placeholders forScript(MigrationScript script, String user, String database, String defaultSchema) {
        if (script.migration().tool() != Tool.FLYWAY) {
            return none();
        }
        Map<String, String> v = new HashMap<>(script.placeholders());
        v.put("flyway:user", user);
        v.put("flyway:database", database);
        v.put("flyway:defaultSchema", defaultSchema);
        v.put("flyway:filename", script.migration().fileName());
        v.put("flyway:table", "flyway_schema_history");
        return new Placeholders(v);
    }

    /** The first placeholder in {@code text} that has no value, or {@code null}. */
    String unresolved(String text) {
        if (values == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                return m.group();
            }
        }
        return null;
    }

    UnaryOperator<String> substitution() {
        if (values == null) {
            return UnaryOperator.identity();
        }
        return text -> {
            if (!text.contains("${")) {
                return text;
            }
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                m.appendReplacement(sb, Matcher.quoteReplacement(value != null ? value : m.group()));
            }
            m.appendTail(sb);
            return sb.toString();
        };
    }
}

package dev.redline.core.layout;

import java.util.Locale;

/**
 * The {@code -- +goose ...} comment lines that steer goose. goose itself matches the command after {@code +goose}
 * case-insensitively (real projects write {@code -- +goose no transaction}), so we do too; the line may be indented
 * and {@code --+goose} without the space is accepted as well.
 */
enum GooseAnnotation {
    UP("up"),
    DOWN("down"),
    STATEMENT_BEGIN("statementbegin"),
    STATEMENT_END("statementend"),
    NO_TRANSACTION("no transaction"),
    ENVSUB_ON("envsub on"),
    ENVSUB_OFF("envsub off");

    private final String command;

    GooseAnnotation(String command) {
        this.command = command;
    }

    /**
     * The annotation on the line {@code [start, end)} of {@code text}, or {@code null}. Lines that cannot be one
     * (nearly all) are turned down without copying them.
     */
    static GooseAnnotation parse(String text, int start, int end) {
        int i = start;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        if (i + 2 > end || text.charAt(i) != '-' || text.charAt(i + 1) != '-') {
            return null;
        }
        i += 2;
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (!text.startsWith("+goose", i) || i + 6 > end) {
            return null;
        }
        return parse(text.substring(start, end));
    }

    /** The annotation on this line, or {@code null} when the line is not one. */
    static GooseAnnotation parse(String line) {
        String t = Lines.trimmed(line);
        if (!t.startsWith("--")) {
            return null;
        }
        String rest = t.substring(2).stripLeading();
        if (!rest.startsWith("+goose")) {
            return null;
        }
        rest = rest.substring("+goose".length());
        if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) {
            return null; // e.g. "+gooseUp" or "+goosey": not an annotation
        }
        String cmd = rest.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        for (GooseAnnotation a : values()) {
            if (a.command.equals(cmd)) {
                return a;
            }
        }
        return null;
    }
}

package dev.redline.core.layout;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Placeholder values ({@code ${schema}} and the like) from a project's Flyway configuration, so targets can be
 * shown with real names. Looks for {@code flyway.conf} / {@code flyway.toml} (also in a {@code conf/} subfolder)
 * in the script's folder and each folder above it, up to the repository root (the folder holding {@code .git});
 * a closer file wins. Parsing is deliberately forgiving: a config we cannot read just gives no placeholders.
 */
final class FlywayPlaceholders {

    private static final List<String> CONFIG_FILES =
            List.of("flyway.conf", "flyway.toml", "conf/flyway.conf", "conf/flyway.toml");
    private static final int MAX_LEVELS = 32;
    private static final String CONF_PREFIX = "flyway.placeholders.";

    /**
     * Lookups are remembered briefly: long enough that one scan reads each folder's configuration once, short
     * enough that a long-lived loader (the desktop keeps one) sees an edited {@code flyway.conf} on the next scan.
     */
    private static final long REMEMBER_NANOS = 3_000_000_000L;

    private record Remembered(long atNanos, Map<String, String> values) {
    }

    private final Map<Path, Remembered> byFolder = new ConcurrentHashMap<>();
    private final long rememberNanos;

    FlywayPlaceholders() {
        this(REMEMBER_NANOS);
    }

    FlywayPlaceholders(long rememberNanos) {
        this.rememberNanos = rememberNanos;
    }

    /** The placeholders that apply to scripts in {@code folder}. */
    Map<String, String> forFolder(Path folder) {
        Path dir = folder.toAbsolutePath();
        long now = System.nanoTime();
        Remembered cached = byFolder.get(dir);
        if (cached != null && now - cached.atNanos < rememberNanos) {
            return cached.values;
        }
        Map<String, String> merged = new LinkedHashMap<>();
        Path p = dir;
        for (int level = 0; p != null && level < MAX_LEVELS; level++, p = p.getParent()) {
            for (String name : CONFIG_FILES) {
                Path config = p.resolve(name);
                if (Files.isRegularFile(config)) {
                    Map<String, String> values = name.endsWith(".toml") ? readToml(config) : readConf(config);
                    values.forEach(merged::putIfAbsent);
                }
            }
            if (Files.isDirectory(p.resolve(".git"))) {
                break;
            }
        }
        Map<String, String> result = Map.copyOf(merged);
        byFolder.put(dir, new Remembered(now, result));
        return result;
    }

    /** {@code flyway.placeholders.name=value} lines of a Java properties file. */
    static Map<String, String> readConf(Path file) {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return Map.of();
        }
        Map<String, String> values = new HashMap<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith(CONF_PREFIX) && key.length() > CONF_PREFIX.length()) {
                values.put(key.substring(CONF_PREFIX.length()), props.getProperty(key));
            }
        }
        return values;
    }

    /**
     * Placeholders of a {@code flyway.toml}: keys of {@code [flyway.placeholders]} and of
     * {@code [environments.<name>.flyway.placeholders]} (the top-level table wins over environments), plus
     * {@code placeholders.name = ...} and {@code placeholders = { ... }} inside {@code [flyway]}.
     */
    static Map<String, String> readToml(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, String> top = new HashMap<>();
        Map<String, String> environments = new HashMap<>();
        String table = "";
        for (Lines.Line line : Lines.of(text)) {
            String t = Lines.trimmed(line.text(text));
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.startsWith("[")) {
                // A header we cannot read ends the table we were in, so its keys are not misattributed.
                String header = t.replaceFirst("\\s*#.*$", "");
                table = header.endsWith("]") ? header.replaceAll("[\\[\\]\"' ]", "") : "?";
                continue;
            }
            int eq = t.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = unquote(t.substring(0, eq).strip());
            String raw = t.substring(eq + 1).strip();
            boolean env = table.startsWith("environments.");
            Map<String, String> target = env ? environments : top;
            if (table.equals("flyway.placeholders") || (env && table.endsWith(".flyway.placeholders"))) {
                target.putIfAbsent(key, value(raw));
            } else if (table.equals("flyway") || (env && table.endsWith(".flyway"))) {
                if (key.startsWith("placeholders.")) {
                    target.putIfAbsent(key.substring("placeholders.".length()), value(raw));
                } else if (key.equals("placeholders") && raw.startsWith("{")) {
                    inlineTable(raw, target);
                }
            }
        }
        environments.forEach(top::putIfAbsent);
        return top;
    }

    private static void inlineTable(String raw, Map<String, String> into) {
        String body = raw.substring(1, raw.lastIndexOf('}') > 0 ? raw.lastIndexOf('}') : raw.length());
        for (String pair : body.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                into.putIfAbsent(unquote(pair.substring(0, eq).strip()), value(pair.substring(eq + 1).strip()));
            }
        }
    }

    /** A TOML value: a basic or literal string, or a bare value up to a comment. */
    private static String value(String raw) {
        if (raw.startsWith("\"")) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '"') {
                    break;
                }
                if (c == '\\' && i + 1 < raw.length()) {
                    char e = raw.charAt(++i);
                    sb.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> e;
                    });
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
        if (raw.startsWith("'")) {
            int end = raw.indexOf('\'', 1);
            return end < 0 ? raw.substring(1) : raw.substring(1, end);
        }
        int hash = raw.indexOf('#');
        return (hash < 0 ? raw : raw.substring(0, hash)).strip();
    }

    private static String unquote(String key) {
        if (key.length() >= 2 && (key.startsWith("\"") || key.startsWith("'"))) {
            return key.substring(1, key.length() - 1);
        }
        return key;
    }
}

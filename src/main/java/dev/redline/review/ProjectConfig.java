package dev.redline.review;

import dev.redline.core.rules.Rules;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A project's settings, from {@code .redline/config.properties} in the repository's top folder
 * (docs/configuration.md). {@code key=value} lines, {@code #} or {@code !} comments. Every key is checked: a typo
 * in a gate's configuration must not silently do nothing, so an unknown key or value is an error naming the line.
 *
 * @param file             the file read, or where it would be
 * @param mode             {@code enforce} or {@code advisory}: the gate mode when {@code check} is given none, or
 *                         {@code null}
 * @param rules            rules switched off or re-levelled
 * @param requireSignature whether an approval passes the gate only with a valid SSH signature
 * @param allowedSigners   the allowed-signers file, relative to the repository's top folder
 */
public record ProjectConfig(Path file, String mode, RuleSettings rules, boolean requireSignature,
                            String allowedSigners) {

    public static final String FILE = ".redline/config.properties";
    public static final String DEFAULT_ALLOWED_SIGNERS = ".redline/allowed_signers";

    /** The settings of a project without a configuration file. */
    public static ProjectConfig defaults(Path home) {
        return new ProjectConfig(home.resolve(FILE), null, RuleSettings.defaults(), false, DEFAULT_ALLOWED_SIGNERS);
    }

    /** Reads {@code <home>/.redline/config.properties}; no file means the defaults. */
    public static ProjectConfig load(Path home) throws ReviewException {
        Path file = home.resolve(FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return defaults(home);
        } catch (MalformedInputException e) {
            throw new ReviewException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ReviewException("cannot read " + file + ": " + e.getMessage());
        }
        String mode = null;
        boolean requireSignature = false;
        String allowedSigners = DEFAULT_ALLOWED_SIGNERS;
        Map<String, RuleSettings.Level> levels = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            int sep = separator(line);
            if (sep < 0) {
                throw new ReviewException(where + "'" + line + "' is not key=value");
            }
            String key = line.substring(0, sep).strip();
            String value = line.substring(sep + 1).strip();
            switch (key) {
                case "mode" -> {
                    if (!value.equals("enforce") && !value.equals("advisory")) {
                        throw new ReviewException(where + "mode must be enforce or advisory, not '" + value + "'");
                    }
                    mode = value;
                }
                case "reviews.requireSignature" -> requireSignature = bool(where, key, value);
                case "reviews.allowedSigners" -> {
                    if (value.isEmpty()) {
                        throw new ReviewException(where + key + " needs a path");
                    }
                    allowedSigners = value;
                }
                default -> {
                    if (!key.startsWith("rule.")) {
                        throw new ReviewException(where + "unknown setting '" + key + "' (known: mode, rule.<id>, "
                                + "reviews.requireSignature, reviews.allowedSigners)");
                    }
                    String id = key.substring("rule.".length());
                    if (Rules.info(id) == null) {
                        throw new ReviewException(where + "'" + id + "' is not a Redline rule (see docs/rules/)");
                    }
                    RuleSettings.Level level = RuleSettings.Level.fromId(value.toLowerCase(Locale.ROOT));
                    if (level == null) {
                        throw new ReviewException(where + key + " must be off, info, risky or destructive, not '"
                                + value + "'");
                    }
                    levels.put(id, level);
                }
            }
        }
        return new ProjectConfig(file, mode, new RuleSettings(levels), requireSignature, allowedSigners);
    }

    private static int separator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static boolean bool(String where, String key, String value) throws ReviewException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ReviewException(where + key + " must be true or false, not '" + value + "'");
        };
    }
}

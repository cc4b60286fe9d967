package dev.redline.ui.project;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the workbench keeps its per-user state (recent projects, theme): {@code $XDG_CONFIG_HOME/redline} or
 * {@code ~/.config/redline} on Linux, {@code ~/Library/Application Support/Redline} on macOS,
 * {@code %APPDATA%\Redline} on Windows. The system property {@code redline.configDir} overrides it (tests do).
 */
public final class ConfigDirectory {

    private ConfigDirectory() {
    }

    public static Path resolve() {
        return resolve(System.getProperty("redline.configDir"), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."), System.getenv());
    }

    static Path resolve(String override, String osName, String home, Map<String, String> env) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "Redline") : Path.of(home, "AppData", "Roaming", "Redline");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Redline");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "redline") : Path.of(home, ".config", "redline");
    }
}

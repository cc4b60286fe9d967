package dev.redline.core.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user folder Redline keeps its settings in (the workbench's recent projects and theme, the dry-run's
 * connection profiles): {@code $XDG_CONFIG_HOME/redline} or {@code ~/.config/redline} on Linux,
 * {@code ~/Library/Application Support/Redline} on macOS, {@code %APPDATA%\Redline} on Windows. Never the project
 * folder.
 */
public final class UserConfigDirectory {

    private UserConfigDirectory() {
    }

    /** For this process: its environment, {@code os.name} and {@code user.home}. */
    public static Path current() {
        return of(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home", ".")));
    }

    public static Path of(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "Redline") : home.resolve("AppData").resolve("Roaming")
                    .resolve("Redline");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Redline");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "redline") : home.resolve(".config").resolve("redline");
    }
}

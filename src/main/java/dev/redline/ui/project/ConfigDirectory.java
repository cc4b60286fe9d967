package dev.redline.ui.project;

import dev.redline.core.io.UserConfigDirectory;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the workbench keeps its per-user state (recent projects, theme): the {@link UserConfigDirectory}, unless
 * the system property {@code redline.configDir} overrides it (tests do).
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
        return UserConfigDirectory.of(env, osName, Path.of(home));
    }
}

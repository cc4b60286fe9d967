package dev.redline.dryrun;

import dev.redline.core.io.AtomicWrite;
import dev.redline.core.io.UserConfigDirectory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The user's connection profiles, in {@code profiles.properties} under the per-user configuration folder
 * ({@code $XDG_CONFIG_HOME/redline} or {@code ~/.config/redline} on Linux, {@code ~/Library/Application
 * Support/Redline} on macOS, {@code %APPDATA%\Redline} on Windows) — never in a project folder, so a profile cannot
 * be committed by accident. A password key is refused on load and never written.
 *
 * <pre>
 * profile.staging-clone.host=10.0.0.7
 * profile.staging-clone.port=5432
 * profile.staging-clone.database=app
 * profile.staging-clone.user=reviewer
 * profile.staging-clone.sslmode=require
 * profile.staging-clone.role=clone
 * </pre>
 */
public final class Profiles {

    static final String FILE_NAME = "profiles.properties";
    private static final String PREFIX = "profile.";
    private static final List<String> KEYS = List.of("host", "port", "database", "user", "sslmode", "role");
    /** Set on POSIX file systems; on Windows the per-user profile folder is private already. */
    private static final Set<PosixFilePermission> OWNER_ONLY = Set.copyOf(PosixFilePermissions.fromString("rw-------"));

    private final Path file;

    public Profiles(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    /** The profiles in the platform's per-user configuration folder. */
    public static Profiles forCurrentUser() {
        return new Profiles(defaultDirectory(System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home"))));
    }

    static Path defaultDirectory(Map<String, String> env, String osName, Path home) {
        return UserConfigDirectory.of(env, osName, home);
    }

    public Path file() {
        return file;
    }

    public List<ConnectionProfile> load() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        TreeSet<String> names = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith(PREFIX) || key.lastIndexOf('.') <= PREFIX.length()) {
                throw new IOException(file + ": unexpected key '" + key + "' (expected profile.NAME.FIELD)");
            }
            String field = key.substring(key.lastIndexOf('.') + 1);
            if (field.equalsIgnoreCase("password")) {
                throw new IOException(file + ": has a password for profile " + name(key) + "; Redline never "
                        + "stores passwords — delete that line and use ~/.pgpass or PGPASSWORD");
            }
            if (!KEYS.contains(field)) {
                throw new IOException(file + ": unknown field '" + field + "' in " + key);
            }
            names.add(name(key));
        }
        List<ConnectionProfile> out = new ArrayList<>();
        for (String name : names) {
            String base = PREFIX + name + ".";
            try {
                out.add(new ConnectionProfile(name, p.getProperty(base + "host"),
                        Integer.parseInt(p.getProperty(base + "port", "5432").trim()), p.getProperty(base + "database"),
                        p.getProperty(base + "user"), p.getProperty(base + "sslmode"),
                        TargetRole.fromId(p.getProperty(base + "role", ""))));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": profile " + name + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    public Optional<ConnectionProfile> find(String name) throws IOException {
        return load().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The saved profile that points at the same host, port and database as {@code url}, if any. */
    public Optional<ConnectionProfile> matching(TargetUrl url) throws IOException {
        return load().stream().filter(p -> p.matches(url)).findFirst();
    }

    /** Adds or replaces a profile, writing the file atomically and readable by its owner only. */
    public void save(ConnectionProfile profile) throws IOException {
        List<ConnectionProfile> all = new ArrayList<>(load());
        all.removeIf(p -> p.name().equals(profile.name()));
        all.add(profile);
        all.sort(Comparator.comparing(ConnectionProfile::name));
        StringBuilder text = new StringBuilder();
        text.append("# Redline connection profiles. Never put a password here: use ~/.pgpass or PGPASSWORD.\n");
        for (ConnectionProfile c : all) {
            String base = PREFIX + c.name() + ".";
            text.append(base + "host=" + escape(c.host()) + "\n");
            text.append(base + "port=" + c.port() + "\n");
            text.append(base + "database=" + escape(c.database()) + "\n");
            if (c.user() != null) {
                text.append(base + "user=" + escape(c.user()) + "\n");
            }
            if (c.sslMode() != null) {
                text.append(base + "sslmode=" + escape(c.sslMode()) + "\n");
            }
            text.append(base + "role=" + c.role().id() + "\n");
        }
        AtomicWrite.write(file, text.toString().getBytes(StandardCharsets.UTF_8), OWNER_ONLY);
    }

    private static String name(String key) {
        return key.substring(PREFIX.length(), key.lastIndexOf('.'));
    }

    private static String escape(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '\n' || c == '\r' || c == '=' || c == ':' || c == '#' || c == '!') {
                sb.append('\\');
            }
            sb.append(c == '\n' ? 'n' : c == '\r' ? 'r' : c);
        }
        return sb.toString();
    }
}

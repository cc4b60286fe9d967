package dev.redline.dryrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses a dry-run against a production database. A project names its production targets in
 * {@code .redline/production}, one per line ({@code host}, {@code host:port}, {@code host/database} or
 * {@code host:port/database}; {@code *} matches any run of characters; {@code #} starts a comment). Every such file
 * from the project folder up to its repository root (the folder holding {@code .git}) counts. The guard fails
 * closed: a file it cannot read, or a line it cannot understand, refuses every target.
 */
public final class ProductionGuard {

    public static final String FILE = ".redline/production";
    private static final int MAX_LEVELS = 64;

    /** One production entry and where it was written. */
    record Entry(Pattern host, Integer port, Pattern database, String written, Path file, int line) {
        boolean matches(TargetUrl url) {
            return host.matcher(url.host().toLowerCase(Locale.ROOT)).matches()
                    && (port == null || port == url.port())
                    && (database == null || database.matcher(url.database()).matches());
        }
    }

    /** The dry-run must not go ahead; the message says why and where that was declared. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private final List<Entry> entries;

    private ProductionGuard(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads every {@code .redline/production} from {@code projectDir} up to its repository root. */
    public static ProductionGuard forProject(Path projectDir) throws Refused {
        List<Entry> entries = new ArrayList<>();
        Path dir = projectDir.toAbsolutePath().normalize();
        if (Files.isRegularFile(dir)) {
            dir = dir.getParent();
        }
        for (int level = 0; dir != null && level < MAX_LEVELS; level++, dir = dir.getParent()) {
            Path file = dir.resolve(FILE);
            if (Files.exists(file)) {
                entries.addAll(read(file));
            }
            if (Files.exists(dir.resolve(".git"))) {
                break;
            }
        }
        return new ProductionGuard(entries);
    }

    static List<Entry> read(Path file) throws Refused {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Refused("cannot read " + file + " (" + e.getMessage() + "), which names this project's "
                    + "production databases; refusing to dry-run until it can be read");
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (text.isEmpty()) {
                continue;
            }
            out.add(parse(text, file, i + 1));
        }
        return out;
    }

    private static Entry parse(String text, Path file, int line) throws Refused {
        String hostPort = text;
        String database = null;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            hostPort = text.substring(0, slash);
            database = text.substring(slash + 1);
        }
        String host = hostPort;
        Integer port = null;
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && !hostPort.endsWith("]") && hostPort.indexOf(':') == colon) {
            host = hostPort.substring(0, colon);
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw malformed(text, file, line);
            }
        }
        host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (host.isEmpty() || host.contains(" ") || database != null && (database.isEmpty() || database.contains("/"))) {
            throw malformed(text, file, line);
        }
        return new Entry(glob(host.toLowerCase(Locale.ROOT)), port, database == null ? null : glob(database), text,
                file, line);
    }

    private static Refused malformed(String text, Path file, int line) {
        return new Refused(file + ":" + line + ": '" + text + "' is not host, host:port, host/database or "
                + "host:port/database; refusing to dry-run until the production list can be read");
    }

    private static Pattern glob(String s) {
        String[] parts = s.split("\\*", -1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append(".*");
            }
            if (!parts[i].isEmpty()) {
                re.append(Pattern.quote(parts[i]));
            }
        }
        return Pattern.compile(re.toString());
    }

    /** Throws when {@code url} (or the profile it came from) is a production database. */
    public void check(TargetUrl url, TargetRole declaredRole) throws Refused {
        if (declaredRole == TargetRole.PRODUCTION) {
            throw new Refused(url.display() + " is declared a production database in your connection profile; "
                    + "dry-runs run only against a clone or a branch");
        }
        for (Entry e : entries) {
            if (e.matches(url)) {
                throw new Refused(url.display() + " is a production database: it matches '" + e.written()
                        + "' in " + e.file() + ":" + e.line() + "; dry-runs run only against a clone or a branch");
            }
        }
    }
}

package dev.redline.dryrun;

/**
 * A saved way to reach a database. Holds no password: that comes from {@code ~/.pgpass}, the {@code PG*}
 * environment variables or a prompt, and is never written anywhere by Redline.
 *
 * @param sslMode libpq's sslmode ({@code disable}, {@code prefer}, {@code require}, {@code verify-full}, …), or
 *                {@code null} for the driver's default
 */
public record ConnectionProfile(String name, String host, int port, String database, String user, String sslMode,
                                TargetRole role) {

    public ConnectionProfile {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("a profile name is letters, digits, '.', '_' or '-': " + name);
        }
        if (host == null || host.isBlank() || database == null || database.isBlank()) {
            throw new IllegalArgumentException("profile " + name + " needs a host and a database");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("profile " + name + " has no valid port: " + port);
        }
        if (role == null) {
            throw new IllegalArgumentException("profile " + name + " needs a role: clone, branch or production");
        }
    }

    /** The JDBC URL of this profile (never with a password). */
    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(host.contains(":") ? "[" + host + "]" : host)
                .append(':').append(port).append('/').append(database);
        String sep = "?";
        if (user != null && !user.isBlank()) {
            url.append(sep).append("user=").append(user);
            sep = "&";
        }
        if (sslMode != null && !sslMode.isBlank()) {
            url.append(sep).append("sslmode=").append(sslMode);
        }
        return url.toString();
    }

    /** Whether this profile points at the same server and database as {@code url}. */
    public boolean matches(TargetUrl url) {
        return host.equalsIgnoreCase(url.host()) && port == url.port() && database.equals(url.database());
    }
}

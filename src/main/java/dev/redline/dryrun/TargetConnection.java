package dev.redline.dryrun;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * A connection to the database a dry-run targets, with what the user must see before anything runs: the server's
 * version and who we are connected as. The password, when there is one, comes from the URL, {@code PGPASSWORD} or
 * (by the driver itself) {@code ~/.pgpass} / {@code PGPASSFILE}; it is held in memory only and never appears in a
 * message.
 */
public final class TargetConnection implements AutoCloseable {

    /** The connection could not be opened; the message never contains the password. */
    public static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    private final TargetUrl url;
    private final Connection connection;
    private final String serverVersion;
    private final int serverVersionNum;
    private final String database;
    private final String user;

    private TargetConnection(TargetUrl url, Connection connection, String serverVersion, int serverVersionNum,
                             String database, String user) {
        this.url = url;
        this.connection = connection;
        this.serverVersion = serverVersion;
        this.serverVersionNum = serverVersionNum;
        this.database = database;
        this.user = user;
    }

    /**
     * Connects. {@code env} supplies libpq's {@code PGUSER}, {@code PGPASSWORD} and {@code PGSSLMODE} where the URL
     * names none (pass {@code System.getenv()}).
     */
    public static TargetConnection open(TargetUrl url, Map<String, String> env) throws Failed {
        return open(url, env, "redline dry-run", Map.of());
    }

    /**
     * Connects as {@link #open(TargetUrl, Map)} does, showing {@code applicationName} in {@code pg_stat_activity},
     * with {@code driverProperties} added to the driver's (e.g. {@code readOnly}).
     */
    public static TargetConnection open(TargetUrl url, Map<String, String> env, String applicationName,
                                        Map<String, String> driverProperties) throws Failed {
        Properties props = new Properties();
        String user = url.user() != null ? url.user() : env.get("PGUSER");
        if (user != null) {
            props.setProperty("user", user);
        }
        String password = url.password() != null ? url.password() : env.get("PGPASSWORD");
        if (password != null) {
            props.setProperty("password", password);
        }
        if (url.sslMode() == null && env.get("PGSSLMODE") != null) {
            props.setProperty("sslmode", env.get("PGSSLMODE"));
        }
        props.setProperty("ApplicationName", applicationName);
        // Simple query protocol: each statement goes to the server exactly as written, parsed by PostgreSQL alone
        // (the driver's own splitter would cut BEGIN ATOMIC bodies at their inner semicolons).
        props.setProperty("preferQueryMode", "simple");
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("connectTimeout", "15");
        driverProperties.forEach(props::setProperty);
        try {
            Connection c = DriverManager.getConnection(url.jdbcUrl(), props);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('server_version'), "
                         + "current_setting('server_version_num')::int, current_database(), current_user")) {
                rs.next();
                return new TargetConnection(url, c, rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4));
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new Failed("cannot connect to " + url.display() + ": " + redact(e.getMessage(), password));
        }
    }

    static String redact(String message, String password) {
        String m = TargetUrl.redact(message == null ? "" : message);
        return password == null || password.isEmpty() ? m : m.replace(password, "***");
    }

    public TargetUrl url() {
        return url;
    }

    public Connection jdbc() {
        return connection;
    }

    /** As the server reports it, e.g. {@code 17.6}. */
    public String serverVersion() {
        return serverVersion;
    }

    /** E.g. {@code 170006}. */
    public int serverVersionNum() {
        return serverVersionNum;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a broken connection: nothing left to release on our side
        }
    }
}

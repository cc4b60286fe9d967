package dev.redline.dryrun.embedded;

import dev.redline.core.sql.SourceText;
import dev.redline.core.sql.SqlStatement;
import dev.redline.core.sql.StatementSplitter;
import dev.redline.dryrun.Cancellation;
import dev.redline.dryrun.Cancelled;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * Loads a seed into the embedded database after the schema is built: a plain SQL file (statements, including
 * {@code COPY … FROM stdin} blocks as {@code pg_dump} writes them; psql meta-commands skipped), or a
 * {@code pg_dump} archive (custom, directory or tar format) restored with {@code pg_restore --data-only} when
 * {@code pg_restore} is on the PATH. Runs as the embedded superuser, in autocommit; stops at the first error.
 */
public final class SeedLoader {

    /** Larger SQL files are refused: they are read whole. A custom-format dump has no such limit. */
    static final long MAX_SQL_BYTES = 512L * 1024 * 1024;

    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)^COPY\\b.*\\bFROM\\s+STDIN\\b.*");
    private static final Pattern END_OF_DATA = Pattern.compile("(?m)^\\\\\\.\\r?$");

    /** The seed could not be loaded; the message says where and why. */
    public static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        public Failed(String message) {
            super(message);
        }
    }

    /** The kinds of seed. */
    public enum Kind {
        SQL("sql"), PG_DUMP_ARCHIVE("pg_dump archive");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * What was loaded.
     *
     * @param statements SQL statements run (0 for an archive)
     * @param rows       rows loaded by {@code COPY} blocks (0 for an archive)
     * @param notes      what the user must know (meta-commands skipped)
     */
    public record Result(Path file, Kind kind, int statements, long rows, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    private SeedLoader() {
    }

    /** What kind of seed {@code file} is, judged by its content; fails when it cannot be read or used. */
    public static Kind kindOf(Path file) throws Failed {
        if (Files.isDirectory(file)) {
            if (Files.isRegularFile(file.resolve("toc.dat"))) {
                return Kind.PG_DUMP_ARCHIVE;
            }
            throw new Failed("--seed " + file + " is a folder without toc.dat, not a pg_dump directory archive");
        }
        if (!Files.isRegularFile(file)) {
            throw new Failed("--seed " + file + ": no such file");
        }
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new Failed("cannot read --seed " + file + ": " + e.getMessage());
        }
        String start = new String(head, 0, Math.min(n, 5), StandardCharsets.ISO_8859_1);
        boolean tar = n >= 262 && new String(head, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar");
        return start.equals("PGDMP") || tar ? Kind.PG_DUMP_ARCHIVE : Kind.SQL;
    }

    /** Checks that the seed can be loaded here (readable; {@code pg_restore} on the PATH for an archive). */
    public static Kind check(Path file, Map<String, String> env) throws Failed {
        Kind kind = kindOf(file);
        if (kind == Kind.PG_DUMP_ARCHIVE && pgRestore(env) == null) {
            throw new Failed("--seed " + file + " is a pg_dump archive, which needs pg_restore on the PATH (install "
                    + "the PostgreSQL client tools), or give a plain SQL seed (pg_dump --data-only --format=plain)");
        }
        return kind;
    }

    /** Loads {@code file} into {@code database} of {@code server}. */
    public static Result load(Path file, EmbeddedServer server, String database, Map<String, String> env,
                              Cancellation cancellation) throws Failed, Cancelled, SQLException {
        Kind kind = check(file, env);
        if (kind == Kind.PG_DUMP_ARCHIVE) {
            restore(file, server, database, env, cancellation);
            return new Result(file, kind, 0, 0, List.of());
        }
        try (Connection c = server.connect(database)) {
            return loadSql(file, c, cancellation);
        }
    }

    static Result loadSql(Path file, Connection c, Cancellation cancellation)
            throws Failed, Cancelled, SQLException {
        String text = read(file);
        c.setAutoCommit(true);
        int pos = 0;
        int statements = 0;
        long rows = 0;
        int meta = 0;
        Matcher end = END_OF_DATA.matcher(text);
        int baseLine = 1;
        while (pos < text.length()) {
            boolean terminated = end.find(pos);
            int segmentEnd = terminated ? end.start() : text.length();
            String segment = text.substring(pos, segmentEnd);
            SourceText source = new SourceText(segment);
            boolean copied = false;
            for (SqlStatement st : StatementSplitter.split(source)) {
                if (cancellation.isCancelled()) {
                    throw new Cancelled("cancelled while loading the seed");
                }
                int line = baseLine + st.line() - 1;
                if (st.isPsqlMeta()) {
                    meta++;
                    continue;
                }
                String sql = st.text(source);
                if (COPY_FROM_STDIN.matcher(sql).matches()) {
                    int dataStart = segment.indexOf('\n', st.end());
                    String data = dataStart < 0 ? "" : segment.substring(dataStart + 1);
                    rows += copyIn(c, sql, data, file, line, cancellation);
                    statements++;
                    copied = true;
                    break;
                }
                if (st.unbalanced()) {
                    throw new Failed("seed " + file + ", line " + line + ": unterminated quote, comment or "
                            + "parenthesis");
                }
                execute(c, sql, file, line, cancellation);
                statements++;
            }
            if (terminated && !copied) {
                throw new Failed("seed " + file + ", line " + (baseLine + lines(text, pos, segmentEnd))
                        + ": a \\. line with no COPY … FROM stdin before it");
            }
            int next = terminated ? Math.min(text.length(), end.end() + 1) : text.length();
            baseLine += lines(text, pos, next);
            pos = next;
        }
        List<String> notes = meta == 0 ? List.of()
                : List.of(meta + " psql meta-command(s) in the seed skipped (\\connect, \\set, …)");
        return new Result(file, Kind.SQL, statements, rows, notes);
    }

    @SuppressWarnings("try") // the registration is closed, not used
    private static void execute(Connection c, String sql, Path file, int line, Cancellation cancellation)
            throws Failed, Cancelled {
        try (Statement s = c.createStatement();
             Cancellation.Registration r = cancellation.onCancel(() -> cancel(s))) {
            s.setEscapeProcessing(false);
            s.execute(sql);
        } catch (SQLException e) {
            if (cancellation.isCancelled()) {
                throw new Cancelled("cancelled while loading the seed");
            }
            throw new Failed("seed " + file + ", line " + line + ": " + message(e));
        }
    }

    @SuppressWarnings("try") // the registration is closed, not used
    private static long copyIn(Connection c, String sql, String data, Path file, int line,
                               Cancellation cancellation) throws Failed, Cancelled, SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        try (Cancellation.Registration r = cancellation.onCancel(() -> cancel(pg))) {
            return pg.getCopyAPI().copyIn(sql, new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)),
                    1 << 16);
        } catch (SQLException | IOException e) {
            if (cancellation.isCancelled()) {
                throw new Cancelled("cancelled while loading the seed");
            }
            throw new Failed("seed " + file + ", COPY at line " + line + ": "
                    + (e instanceof SQLException se ? message(se) : e.getMessage()));
        }
    }

    @SuppressWarnings("try") // the registration is closed, not used
    private static void restore(Path file, EmbeddedServer server, String database, Map<String, String> env,
                                Cancellation cancellation) throws Failed, Cancelled {
        Path pgRestore = pgRestore(env);
        List<String> command = new ArrayList<>(List.of(pgRestore.toString(), "--data-only", "--no-owner",
                "--no-privileges", "--disable-triggers", "--exit-on-error", "--single-transaction",
                "--dbname=host=localhost port=" + server.port() + " user=" + EmbeddedServer.USER + " dbname="
                        + database, file.toAbsolutePath().toString()));
        Path log;
        try {
            log = Files.createTempFile("redline-pg_restore", ".log");
        } catch (IOException e) {
            throw new Failed("cannot run pg_restore: " + e.getMessage());
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().remove("PGPASSWORD");
            pb.environment().remove("PGSERVICE");
            Process p = pb.start();
            try (Cancellation.Registration r = cancellation.onCancel(p::destroy)) {
                while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
                    if (cancellation.isCancelled()) {
                        p.destroy();
                    }
                }
            }
            if (cancellation.isCancelled()) {
                throw new Cancelled("cancelled while restoring the seed");
            }
            if (p.exitValue() != 0) {
                String out = Files.readString(log).strip();
                String hint = out.contains("unsupported version") ? " (this pg_restore is older than the pg_dump that "
                        + "made the archive: install a newer PostgreSQL client, or dump as plain SQL)" : "";
                throw new Failed("pg_restore of the seed " + file + " failed (exit " + p.exitValue() + "): "
                        + tail(out) + hint);
            }
        } catch (IOException e) {
            throw new Failed("cannot run " + pgRestore + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled("interrupted while restoring the seed");
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // a temp file
            }
        }
    }

    /** {@code pg_restore} on the PATH, or {@code null}. */
    static Path pgRestore(Map<String, String> env) {
        String path = env.get("PATH");
        if (path == null) {
            return null;
        }
        String exe = File.separatorChar == '\\' ? "pg_restore.exe" : "pg_restore";
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, exe);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String read(Path file) throws Failed {
        try {
            if (Files.size(file) > MAX_SQL_BYTES) {
                throw new Failed("--seed " + file + " is larger than " + (MAX_SQL_BYTES >> 20) + " MB; give a "
                        + "pg_dump custom-format archive instead (pg_dump --data-only --format=custom)");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new Failed("--seed " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new Failed("cannot read --seed " + file + ": " + e.getMessage());
        }
    }

    private static int lines(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String tail(String out) {
        String[] lines = out.split("\\R");
        int from = Math.max(0, lines.length - 5);
        return String.join(" / ", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }

    static String message(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return (e.getSQLState() == null ? "" : e.getSQLState() + " ") + m;
    }

    private static void cancel(Statement s) {
        try {
            s.cancel();
        } catch (SQLException ignored) {
            // it ended meanwhile
        }
    }

    private static void cancel(PGConnection pg) {
        try {
            pg.cancelQuery();
        } catch (SQLException ignored) {
            // it ended meanwhile
        }
    }
}

package dev.redline.dryrun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redline.dryrun.DryRunReport.MigrationRun;
import dev.redline.dryrun.DryRunReport.StatementRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a dry-run the way the CLI does, on migration files written into a folder, against a seeded database. */
final class DryRunHarness {

    private DryRunHarness() {
    }

    static List<Path> write(Path dir, String... namesAndSql) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < namesAndSql.length; i += 2) {
            files.add(Files.writeString(dir.resolve(namesAndSql[i]), namesAndSql[i + 1]));
        }
        return files;
    }

    static DryRunReport run(String database, List<Path> files) throws Exception {
        return run(database, files, DryRunSettings.defaults(), new Cancellation());
    }

    static DryRunReport run(String database, List<Path> files, DryRunSettings settings, Cancellation cancellation)
            throws Exception {
        MigrationSelection selection = MigrationSelection.ofFiles(files);
        try (TargetConnection target = TargetConnection.open(TargetUrl.parse(TestServer.url(database)), Map.of())) {
            return new DryRunner(settings).run(target, "clone", selection.history(), selection.migrations(),
                    cancellation);
        }
    }

    static StatementRun statementAtLine(MigrationRun m, int line) {
        return m.statements().stream().filter(s -> s.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no statement at line " + line + " in " + m));
    }

    /** Asserts the database's canonical dump is what it was, naming what differs. */
    static void assertUnchanged(DatabaseFingerprint before, String database) throws SQLException {
        DatabaseFingerprint after = DatabaseFingerprint.of(database);
        assertEquals(List.of(), before.differences(after), "the database changed");
    }

    /** Backends other than the caller's on {@code database}, and the relation locks any of them holds there. */
    static long otherSessions(String database) throws SQLException {
        try (Connection c = TestServer.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database
                     + "' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long locksOn(String database) throws SQLException {
        try (Connection c = TestServer.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                     + "WHERE d.datname = '" + database + "' AND l.pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

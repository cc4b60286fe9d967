package dev.redline.dryrun;

import static dev.redline.dryrun.DryRunHarness.assertUnchanged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.redline.cli.CliRun;
import dev.redline.dryrun.embedded.ScratchSpace;
import dev.redline.dryrun.embedded.TestSpace;
import dev.redline.sample.SampleProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code redline dry-run} end to end through {@link CommandLine}: flags, JSON contract, exit codes. */
class DryRunCommandTest {

    @TempDir
    Path dir;

    static CliRun cli(String... args) {
        return CliRun.run(args);
    }

    @Test
    void embeddedOnlyOptionsWithATargetAreUsageErrors() {
        CliRun seed = cli("dry-run", "--db", "jdbc:postgresql://127.0.0.1:1/app", "--seed", "x.sql", dir.toString());
        assertEquals(2, seed.exitCode(), seed::toString);
        assertTrue(seed.err().contains("--seed loads data into the embedded database"), seed.err());
        CliRun clone = cli("dry-run", "--profile", "p", "--clone-from", "jdbc:postgresql://h/db", dir.toString());
        assertEquals(2, clone.exitCode(), clone::toString);
        assertTrue(clone.err().contains("--clone-from clones into the embedded database"), clone.err());
        CliRun sample = cli("dry-run", "--sample-rows", "10", dir.toString());
        assertEquals(2, sample.exitCode(), sample::toString);
        assertTrue(sample.err().contains("--sample-rows goes with --clone-from"), sample.err());
        CliRun zero = cli("dry-run", "--clone-from", "jdbc:postgresql://h/db", "--sample-rows", "0", dir.toString());
        assertEquals(2, zero.exitCode(), zero::toString);
        assertTrue(zero.err().contains("greater than zero"), zero.err());
    }

    @Test
    void withoutDbTheSampleProjectIsDryRunOnAnEmbeddedServer() throws Exception {
        Path project = SampleProject.extractTo(dir);
        CliRun run = embedded(() -> cli("dry-run", "--format", "json", project.toString()));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no --db: dry-run on an embedded PostgreSQL"), run.err());
        assertTrue(run.err().contains("embedded PostgreSQL 17."), run.err());
        assertTrue(run.err().contains("applying 3/3 db/migration/V3__add_tracking_numbers.sql"), run.err());
        List<String> keys = keys(run.out());
        assertEquals(List.of("schemaVersion", "database", "url", "serverVersion"), keys.subList(0, 4));
        assertTrue(run.out().contains("\"role\": \"embedded\""), run.out());
        assertTrue(run.out().replaceAll("\\s+", "").contains("\"replayed\":[\"db/migration/V1__create_schema.sql\","
                + "\"db/migration/V2__seed_data.sql\",\"db/migration/V3__add_tracking_numbers.sql\"]"), run.out());
        assertTrue(run.out().contains("\"dataDirectoryRemoved\": true"), run.out());
        assertTrue(run.out().contains("\"path\": \"db/migration/V4__rename_phone_and_tidy_up.sql\""), run.out());
        assertTrue(run.out().contains("\"change\": \"column-dropped\""), run.out());
        assertEquals(List.of(), TestSpace.serverFolders(), "the server's folder is gone");

        CliRun text = embedded(() -> cli("dry-run", project.toString()));
        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.out().contains("replayed for real before the dry-run: db/migration/V1__create_schema.sql"),
                text.out());
        assertTrue(text.out().contains("its data directory was deleted when it stopped"), text.out());
        assertTrue(text.out().contains("rows public.customers: 2000 → 2000"), text.out());
    }

    @Test
    void cloneFromCopiesReadOnlyWithProgressOnStandardError() throws Exception {
        String db = Seed.freshDatabase("cliclone");
        Path drop = write("V9__drop_phone.sql", "ALTER TABLE customers DROP COLUMN phone;\n");
        CliRun run = embedded(() -> cli("dry-run", "--clone-from", TestServer.url(db), "--sample-rows", "100",
                "--migration", drop.toString(), dir.toString()));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.err().contains("read-only"), run.err());
        assertTrue(run.err().contains("copied") && run.err().contains("public.orders: 100 rows"), run.err());
        assertTrue(run.out().contains("cloned read-only from " + TestServer.url(db)), run.out());
        assertTrue(run.out().contains("schema column-dropped public.customers.phone"), run.out());
        assertEquals(List.of(), TestSpace.serverFolders(), "the server's folder is gone");
    }

    /** Runs {@code cli} with the embedded servers in the test JVM's shared scratch space. */
    private static CliRun embedded(java.util.function.Supplier<CliRun> cli) {
        String before = System.getProperty(ScratchSpace.ROOT_PROPERTY);
        System.setProperty(ScratchSpace.ROOT_PROPERTY, TestSpace.get().root().toString());
        try {
            return cli.get();
        } finally {
            if (before == null) {
                System.clearProperty(ScratchSpace.ROOT_PROPERTY);
            } else {
                System.setProperty(ScratchSpace.ROOT_PROPERTY, before);
            }
        }
    }

    @Test
    void unreachableServerIsExitTwoWithoutThePassword() {
        CliRun run = cli("dry-run", "--db", "jdbc:postgresql://127.0.0.1:1/app?user=me&password=hunter2", "--migration",
                write("V1__x.sql", "SELECT 1;\n").toString(), dir.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("cannot connect to jdbc:postgresql://127.0.0.1:1/app?user=me"), run.err());
        assertFalse((run.out() + run.err()).contains("hunter2"), "the password leaked: " + run);
    }

    @Test
    void productionTargetIsRefusedBeforeConnecting() throws IOException {
        Files.createDirectories(dir.resolve(".redline"));
        Files.writeString(dir.resolve(".redline/production"), "# prod\ndb.prod.example.com/app\n127.0.0.1:1\n");
        CliRun run = cli("dry-run", "--db", "jdbc:postgresql://127.0.0.1:1/app", dir.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("refused: jdbc:postgresql://127.0.0.1:1/app is a production database"),
                run.err());
        assertTrue(run.err().contains(".redline/production:3"), run.err());
    }

    @Test
    void jsonReportFollowsTheContractAndExitsOneOnFailure() throws Exception {
        String db = Seed.freshDatabase("clijson");
        Path ok = write("V1__ok.sql", "ALTER TABLE customers DROP COLUMN phone;\n");
        Path bad = write("V2__bad.sql", "CREATE UNIQUE INDEX customers_email ON customers (email);\n");
        CliRun run = cli("dry-run", "--db", TestServer.url(db) + "&password=s3cret", "--format", "json",
                "--migration", ok.toString(), "--migration", bad.toString(), dir.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertFalse((run.out() + run.err()).contains("s3cret"), "the password leaked");
        assertTrue(run.err().contains("PostgreSQL 17"), "the server version is shown before anything runs");

        List<String> keys = keys(run.out());
        // The contract's fields, in its order.
        assertEquals(List.of("schemaVersion", "database", "url", "serverVersion"), keys.subList(0, 4));
        for (String field : List.of("committed", "migrations", "path", "outcome", "statements", "index", "line",
                "sql", "durationMs", "error", "sqlState", "message", "detail", "locks", "relation", "mode", "rewrote",
                "valueChanges", "rowCounts", "table", "before", "after", "schemaChanges", "change", "column")) {
            assertTrue(keys.contains(field), "missing " + field + " in " + run.out());
        }
        assertTrue(run.out().contains("\"committed\": false"));
        assertTrue(run.out().contains("\"outcome\": \"failed\""));
        assertTrue(run.out().contains("\"sqlState\": \"23505\""));
        assertTrue(run.out().contains("\"relation\": \"public.customers\""));
        assertTrue(run.out().contains("\"mode\": \"AccessExclusiveLock\""));
        assertTrue(run.out().contains("\"change\": \"column-dropped\""));
    }

    @Test
    void throwawayCopyRunsTheWholeMigrationOnACopyInJsonAndText() throws Exception {
        String db = Seed.freshDatabase("clithrowaway");
        DatabaseFingerprint before = DatabaseFingerprint.of(db);
        Path index = write("V3__index.sql", "CREATE INDEX CONCURRENTLY customers_name ON customers (name);\n");
        CliRun json = cli("dry-run", "--db", TestServer.url(db), "--throwaway-copy", "--format", "json",
                "--migration", index.toString(), dir.toString());
        assertEquals(0, json.exitCode(), json::toString);
        assertTrue(json.err().contains("throwaway copies (CREATE DATABASE … TEMPLATE " + db), json.err());
        String compact = json.out().replaceAll("\\s+", "");
        assertTrue(compact.contains("V3__index.sql\",\"outcome\":\"ok\",\"database\":\"redline_throwaway_"),
                json.out());
        assertTrue(compact.contains("\"throwawayCopies\":[{\"path\":"), json.out());
        assertTrue(compact.contains("\"dropped\":true"), json.out());
        assertTrue(compact.contains("\"change\":\"index-created\""), json.out());

        CliRun text = cli("dry-run", "--db", TestServer.url(db), "--throwaway-copy", "--migration", index.toString(),
                dir.toString());
        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.out().contains("V3__index.sql on a throwaway copy (redline_throwaway_"), text.out());
        assertTrue(text.out().contains("the copy was dropped"), text.out());
        assertTrue(text.out().contains("1 run whole on throwaway copies (0 failed there)"), text.out());
        assertUnchanged(before, db);

        CliRun embeddedOnly = cli("dry-run", "--throwaway-copy", dir.toString());
        assertEquals(2, embeddedOnly.exitCode(), embeddedOnly::toString);
        assertTrue(embeddedOnly.err().contains("--throwaway-copy goes with --db or --profile"), embeddedOnly.err());
    }

    @Test
    void textReportExitsZeroWhenEverythingRan() throws Exception {
        String db = Seed.freshDatabase("clitext");
        Path ok = write("V1__ok.sql", "ALTER TABLE customers ADD COLUMN nickname text;\n");
        CliRun run = cli("dry-run", "--db", TestServer.url(db), "--migration", ok.toString(), dir.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("ok"), run.out());
        assertTrue(run.out().contains("schema column-added public.customers.nickname"), run.out());
        assertTrue(run.out().contains("rolled back, nothing committed"), run.out());
    }

    @Test
    void withoutAHistoryTableTheUserMustPick() throws Exception {
        String db = Seed.freshDatabase("clinohistory");
        Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(dir.resolve("db/migration/V1__a.sql"), "SELECT 1;\n");
        CliRun run = cli("dry-run", "--db", TestServer.url(db), dir.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no migration history table of Flyway"), run.err());
        assertTrue(run.err().contains("--migration"), run.err());
    }

    private Path write(String name, String sql) {
        try {
            return Files.writeString(dir.resolve(name), sql);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> keys(String json) throws IOException {
        List<String> keys = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    keys.add(p.currentName());
                }
            }
        }
        return keys;
    }
}

package dev.redline.dryrun.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.dryrun.Cancellation;
import dev.redline.dryrun.DryRunReport;
import dev.redline.dryrun.DryRunReport.MigrationOutcome;
import dev.redline.dryrun.DryRunReport.MigrationRun;
import dev.redline.dryrun.DryRunReport.StatementOutcome;
import dev.redline.dryrun.DryRunReport.StatementRun;
import dev.redline.dryrun.TargetUrl;
import dev.redline.dryrun.TestServer;
import dev.redline.sample.SampleProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded dry-run service end to end, on real embedded servers: the schema is built by replaying the
 * migrations before the dry-run ones (or cloned), a seed is loaded, the dry-run reports what the destructive
 * migration does to the replayed data, and the server's folder is gone afterwards whatever happened.
 */
class EmbeddedDryRunTest {

    @TempDir
    Path dir;

    private final EmbeddedDryRun service = new EmbeddedDryRun(TestSpace.get());

    @AfterEach
    void noServerFolderLeft() {
        assertEquals(List.of(), TestSpace.serverFolders(), "a server folder was left behind");
    }

    /** Records the progress callbacks, in order. */
    static final class Recorder implements EmbeddedProgress {
        final List<String> events = new ArrayList<>();

        @Override
        public void phase(Phase phase, String message) {
            events.add(phase.name());
        }

        @Override
        public void serverStarted(String serverVersion, long startupMillis) {
            events.add("started " + serverVersion);
        }

        @Override
        public void replaying(int index, int total, String path) {
            events.add("replay " + (index + 1) + "/" + total + " " + path);
        }

        @Override
        public void dryRunning(int index, int total, String path) {
            events.add("dry-run " + (index + 1) + "/" + total + " " + path);
        }
    }

    @Test
    void sampleProjectReplaysTheEarlierMigrationsAndDryRunsTheLastOne() throws Exception {
        Path project = SampleProject.extractTo(dir);
        Recorder progress = new Recorder();
        DryRunReport report = service.run(EmbeddedDryRun.Request.of(project), progress, new Cancellation());

        DryRunReport.Embedded e = report.embedded();
        assertNotNull(e);
        assertTrue(e.serverVersion().startsWith("17."), e.serverVersion());
        assertEquals(List.of("db/migration/V1__create_schema.sql", "db/migration/V2__seed_data.sql",
                "db/migration/V3__add_tracking_numbers.sql"), e.replayed());
        assertTrue(e.dataDirectoryRemoved(), "the data directory is deleted when the server stops");
        assertFalse(report.committed());
        assertEquals("embedded", report.database().role());

        assertEquals(1, report.migrations().size());
        MigrationRun v4 = report.migrations().get(0);
        assertEquals("db/migration/V4__rename_phone_and_tidy_up.sql", v4.path());
        assertEquals(MigrationOutcome.OK, v4.outcome(), v4::toString);
        StatementRun drop = v4.statements().get(0);
        assertTrue(drop.sql().startsWith("ALTER TABLE customers DROP COLUMN phone"), drop::sql);
        assertEquals(StatementOutcome.OK, drop.outcome());
        assertTrue(drop.locks().stream().anyMatch(l -> l.relation().equals("public.customers")
                && l.mode().equals("AccessExclusiveLock")), drop.locks()::toString);
        // the replayed seed (V2) is what the destructive migration works on
        assertTrue(v4.rowCounts().contains(new DryRunReport.RowCount("public.customers", 2000L, 2000L)),
                v4.rowCounts()::toString);
        assertTrue(v4.rowCounts().contains(new DryRunReport.RowCount("public.orders", 6000L, 6000L)),
                v4.rowCounts()::toString);
        assertTrue(v4.schemaChanges().stream().anyMatch(c -> c.change().equals("column-dropped")
                && "phone".equals(c.column())), v4.schemaChanges()::toString);
        StatementRun cap = v4.statements().get(2);
        assertEquals(100L, cap.valueChanges().get(0).changedRows(), "one address in 20 is cut to 255 characters");
        assertTrue(cap.rewrote());

        assertEquals(List.of("CLEANING_LEFTOVERS", "STARTING_SERVER", "started " + e.serverVersion(), "REPLAYING",
                "replay 1/3 db/migration/V1__create_schema.sql", "replay 2/3 db/migration/V2__seed_data.sql",
                "replay 3/3 db/migration/V3__add_tracking_numbers.sql", "DRY_RUN",
                "dry-run 1/1 db/migration/V4__rename_phone_and_tidy_up.sql", "STOPPING_SERVER"), progress.events);
    }

    @Test
    void aPickedMigrationRunsOnTheOnesBeforeIt() throws Exception {
        Path project = SampleProject.extractTo(dir);
        Path v3 = project.resolve("db/migration/V3__add_tracking_numbers.sql");
        DryRunReport report = service.run(EmbeddedDryRun.Request.of(project).withMigrations(List.of(v3)),
                EmbeddedProgress.none(), new Cancellation());
        assertEquals(List.of("db/migration/V1__create_schema.sql", "db/migration/V2__seed_data.sql"),
                report.embedded().replayed());
        assertEquals(1, report.migrations().size());
        assertEquals(MigrationOutcome.OK, report.migrations().get(0).outcome());
        assertTrue(report.migrations().get(0).schemaChanges().stream().anyMatch(
                c -> c.change().equals("table-created")), report.migrations().get(0).schemaChanges()::toString);
    }

    @Test
    void aMigrationThatCannotRunInATransactionAlsoRunsWholeOnAThrowawayCopy() throws Exception {
        Path project = flyway("V1__t.sql", "CREATE TABLE t (id int PRIMARY KEY, v text);\n"
                        + "INSERT INTO t SELECT g, 'v' || (g % 3) FROM generate_series(1, 300) g;\n",
                "V2__index.sql", "CREATE UNIQUE INDEX CONCURRENTLY t_v ON t (v);\n");
        DryRunReport report = service.run(EmbeddedDryRun.Request.of(project), EmbeddedProgress.none(),
                new Cancellation());

        // The transaction could only skip it; the copy shows it would fail on the data: 300 rows, 3 values.
        assertEquals(1, report.throwawayCopies().size(), report::toString);
        DryRunReport.ThrowawayRun copy = report.throwawayCopies().get(0);
        assertEquals(DryRunReport.ThrowawayOutcome.FAILED, copy.outcome(), copy::toString);
        assertEquals("23505", copy.statements().get(0).error().sqlState());
        assertTrue(copy.dropped());
        assertTrue(!report.allOk(), "the migration fails where it would fail in production");
    }

    @Test
    void aReplayedMigrationThatFailsStopsTheRunAndSaysWhere() throws Exception {
        Path project = flyway("V1__t.sql", "CREATE TABLE t (id int PRIMARY KEY);\n",
                "V2__bad.sql", "INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (1);\n",
                "V3__last.sql", "ALTER TABLE t ADD COLUMN x int;\n");
        EmbeddedDryRun.Failed failed = assertThrows(EmbeddedDryRun.Failed.class,
                () -> service.run(EmbeddedDryRun.Request.of(project), EmbeddedProgress.none(), new Cancellation()));
        assertEquals(EmbeddedDryRun.Failed.Kind.ENVIRONMENT, failed.kind());
        assertTrue(failed.getMessage().contains("replaying db/migration/V2__bad.sql failed at line 2: 23505"),
                failed.getMessage());
    }

    @Test
    void aRoleTheMigrationsGrantToIsCreatedForTheReplay() throws Exception {
        Path project = flyway("V1__t.sql", "CREATE TABLE t (id int);\nGRANT SELECT ON t TO app_reader;\n"
                + "CREATE INDEX CONCURRENTLY t_id ON t (id);\n", "V2__drop.sql", "DROP TABLE t;\n");
        DryRunReport report = service.run(EmbeddedDryRun.Request.of(project), EmbeddedProgress.none(),
                new Cancellation());
        assertEquals(List.of("app_reader"), report.embedded().createdRoles());
        assertEquals(MigrationOutcome.OK, report.migrations().get(0).outcome());
        assertTrue(report.migrations().get(0).schemaChanges().stream().anyMatch(
                c -> c.change().equals("table-dropped")));
    }

    @Test
    void aPlainSqlSeedWithCopyBlocksFeedsTheDryRun() throws Exception {
        Path project = flyway("V1__users.sql", "CREATE TABLE users (id int PRIMARY KEY, email text);\n",
                "V2__unique_email.sql", "CREATE UNIQUE INDEX users_email ON users (email);\n");
        Path seed = Files.writeString(dir.resolve("seed.sql"), """
                -- as pg_dump --data-only writes it
                SET statement_timeout = 0;
                SELECT pg_catalog.set_config('search_path', '', false);
                \\connect redline
                COPY public.users (id, email) FROM stdin;
                1\ta@example.com
                2\tb@example.com
                3\ta@example.com
                \\.

                INSERT INTO public.users VALUES (4, 'it''s; tricky');
                """, StandardCharsets.UTF_8);
        DryRunReport report = service.run(EmbeddedDryRun.Request.of(project).withSeed(seed),
                EmbeddedProgress.none(), new Cancellation());
        DryRunReport.Seed loaded = report.embedded().seed();
        assertEquals("sql", loaded.kind());
        assertEquals(3L, loaded.rows());
        assertEquals(4, loaded.statements());
        MigrationRun v2 = report.migrations().get(0);
        assertEquals(MigrationOutcome.FAILED, v2.outcome());
        assertEquals("23505", v2.statements().get(0).error().sqlState(), "the seeded duplicate email shows");
    }

    /**
     * A pg_dump custom-format archive (made with pg_dump 15 from a PostgreSQL 14 server: {@code --data-only}, table
     * users, 50 rows of which 5 repeat an email), restored by the machine's pg_restore: skipped where there is none.
     */
    private static final String USERS_ARCHIVE = """
            UEdETVABDgAECAEBAQAAAAADAAAAAA8AAAAABgAAAAAVAAAAAAoAAAAAfgAAAAAAAAAAAAgAAABwb3N0Z3JlcwAFAAAAMTQuMTkA
            HgAAADE1LjE4IChEZWJpYW4gMTUuMTgtMCtkZWIxMnUxKQAFAAAAALAMAAAAAAAAAAABAAAAMAABAAAAMAAIAAAARU5DT0RJTkcA
            CAAAAEVOQ09ESU5HAAIAAAAAHgAAAFNFVCBjbGllbnRfZW5jb2RpbmcgPSAnVVRGOCc7CgEBAAAAAQEAAAABAQAAAAEBAAAAAQEA
            AAABAQAAAAAFAAAAZmFsc2UBAQAAAAMAAAAAAAAAAACxDAAAAAAAAAAAAQAAADAAAQAAADAACgAAAFNURFNUUklOR1MACgAAAFNU
            RFNUUklOR1MAAgAAAAAoAAAAU0VUIHN0YW5kYXJkX2NvbmZvcm1pbmdfc3RyaW5ncyA9ICdvbic7CgEBAAAAAQEAAAABAQAAAAEB
            AAAAAQEAAAABAQAAAAAFAAAAZmFsc2UBAQAAAAMAAAAAAAAAAACyDAAAAAAAAAAAAQAAADAAAQAAADAACgAAAFNFQVJDSFBBVEgA
            CgAAAFNFQVJDSFBBVEgAAgAAAAA4AAAAU0VMRUNUIHBnX2NhdGFsb2cuc2V0X2NvbmZpZygnc2VhcmNoX3BhdGgnLCAnJywgZmFs
            c2UpOwoBAQAAAAEBAAAAAQEAAAABAQAAAAEBAAAAAQEAAAAABQAAAGZhbHNlAQEAAAADAAAAAAAAAAAAswwAAAAAAAAAAAQAAAAx
            MjYyAAUAAAAxMzY5NQAIAAAAcG9zdGdyZXMACAAAAERBVEFCQVNFAAIAAAAAcAAAAENSRUFURSBEQVRBQkFTRSBwb3N0Z3JlcyBX
            SVRIIFRFTVBMQVRFID0gdGVtcGxhdGUwIEVOQ09ESU5HID0gJ1VURjgnIExPQ0FMRV9QUk9WSURFUiA9IGxpYmMgTE9DQUxFID0g
            J0MuVVRGLTgnOwoAGAAAAERST1AgREFUQUJBU0UgcG9zdGdyZXM7CgEBAAAAAQEAAAABAQAAAAEBAAAAAAgAAABwb3N0Z3JlcwAF
            AAAAZmFsc2UBAQAAAAMAAAAAAAAAAACtDAAAAAEAAAAAAQAAADAABQAAADE2Mzg0AAUAAAB1c2VycwAKAAAAVEFCTEUgREFUQQAD
            AAAAAQEAAAABAQAAAAAqAAAAQ09QWSBwdWJsaWMudXNlcnMgKGlkLCBlbWFpbCkgRlJPTSBzdGRpbjsKAAYAAABwdWJsaWMBAQAA
            AAEBAAAAAAgAAABwb3N0Z3JlcwAFAAAAZmFsc2UAAwAAADIwOQEBAAAAAgIEAAAAAAAAAQCtDAAAAMcAAAB4nC3RuxHDMAyD4Voe
            JmcC9KvLIFlDdxk/P+xUYCF9JxE1Zr2/i8YU4TFN9JhNbGNuxD7mThxjHsQ55klcY15ErdxfMxRDpIKqWAVW0Qqu4hVgRSzIilmg
            FbVgK24BV2QhK7KQdb8xj4wsZEUWsiILWZGFrMhCVmQhK7KQFdnIjmxkRzay7/9nAZGN7MhGdmQjO7KRHdnIjmxkR27kjtzIHbmR
            O3Ij973bLDdyI99n96eCPp4O+vyXcP1bWJ8aPq9lWX6uH2KQAAAAAAA=
            """;

    @Test
    void aPgDumpArchiveSeedIsRestoredWithPgRestore() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(SeedLoader.pgRestore(System.getenv()) != null,
                "no pg_restore on the PATH");
        Path project = flyway("V1__users.sql", "CREATE TABLE users (id int PRIMARY KEY, email text);\n",
                "V2__unique_email.sql", "CREATE UNIQUE INDEX users_email ON users (email);\n");
        Path archive = Files.write(dir.resolve("users.dump"),
                java.util.Base64.getMimeDecoder().decode(USERS_ARCHIVE.strip()));
        DryRunReport report = service.run(EmbeddedDryRun.Request.of(project).withSeed(archive),
                EmbeddedProgress.none(), new Cancellation());
        assertEquals("pg_dump archive", report.embedded().seed().kind());
        MigrationRun v2 = report.migrations().get(0);
        assertEquals(MigrationOutcome.FAILED, v2.outcome(), v2::toString);
        assertEquals("23505", v2.statements().get(0).error().sqlState(), "the restored duplicates show");
    }

    @Test
    void anArchiveSeedNeedsPgRestoreOnThePath() throws Exception {
        Path project = flyway("V1__t.sql", "CREATE TABLE t (id int);\n");
        Path dump = Files.write(dir.resolve("seed.dump"), "PGDMP\u0001\u0010\u0000".getBytes(StandardCharsets.UTF_8));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", dir.toString());
        EmbeddedDryRun.Request request = new EmbeddedDryRun.Request(project, List.of(), dump, null,
                dev.redline.dryrun.DryRunSettings.defaults(), env);
        EmbeddedDryRun.Failed failed = assertThrows(EmbeddedDryRun.Failed.class,
                () -> service.run(request, EmbeddedProgress.none(), new Cancellation()));
        assertEquals(EmbeddedDryRun.Failed.Kind.USAGE, failed.kind());
        assertTrue(failed.getMessage().contains("needs pg_restore on the PATH"), failed.getMessage());
    }

    @Test
    void cancellingDuringTheReplayStopsAndCleansUp() throws Exception {
        Path project = flyway("V1__slow.sql", "SELECT pg_sleep(60);\n", "V2__t.sql", "CREATE TABLE t (id int);\n");
        Cancellation cancellation = new Cancellation();
        CompletableFuture<EmbeddedDryRun.Failed> run = CompletableFuture.supplyAsync(() -> {
            try {
                service.run(EmbeddedDryRun.Request.of(project), new EmbeddedProgress() {
                    @Override
                    public void replaying(int index, int total, String path) {
                        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(cancellation::cancel);
                    }
                }, cancellation);
                return null;
            } catch (EmbeddedDryRun.Failed e) {
                return e;
            }
        });
        long t0 = System.nanoTime();
        EmbeddedDryRun.Failed failed = run.get(30, TimeUnit.SECONDS);
        assertNotNull(failed, "the run should have been cancelled");
        assertEquals(EmbeddedDryRun.Failed.Kind.CANCELLED, failed.kind(), failed::getMessage);
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20), "cancel must not wait for pg_sleep");
    }

    @Test
    void leftoversOfACrashedRunAreRemovedAtTheNextStart() throws Exception {
        Path leftover = TestSpace.get().root().resolve("crashed-run");
        Files.createDirectories(leftover.resolve("data/base"));
        Files.writeString(leftover.resolve(ScratchSpace.LOCK_FILE), "pid=999999999\n");
        Files.writeString(leftover.resolve("data/base/1"), "pages");
        Path project = flyway("V1__t.sql", "CREATE TABLE t (id int);\n");
        DryRunReport report = service.run(EmbeddedDryRun.Request.of(project), EmbeddedProgress.none(),
                new Cancellation());
        assertFalse(Files.exists(leftover), "the leftover folder is removed");
        assertEquals(1, report.embedded().cleanedLeftovers().size(), report.embedded()::toString);
        assertTrue(report.embedded().cleanedLeftovers().get(0).contains("crashed-run"));
        assertEquals(List.of(), report.embedded().replayed());
    }

    @Test
    void aClonedDatabaseIsDryRunWithItsPendingMigrations() throws Exception {
        String source = TestServer.createDatabase("embedded_clone_source");
        CloneSource.create(TestServer.url(source));
        Path project = flyway("V41__drop_name.sql", "ALTER TABLE shop.customers DROP COLUMN name;\n");
        DryRunReport report = service.run(EmbeddedDryRun.Request.of(project).withClone(
                new EmbeddedDryRun.CloneSource(TargetUrl.parse(TestServer.url(source)), 500)),
                EmbeddedProgress.none(), new Cancellation());
        DryRunReport.Clone clone = report.embedded().clonedFrom();
        assertEquals(500, clone.sampleRows());
        assertEquals(List.of(), clone.notCopied());
        assertNotNull(report.history(), "the pending migrations come from the cloned flyway_schema_history");
        assertEquals(40, report.history().applied());
        MigrationRun v41 = report.migrations().get(0);
        assertEquals(MigrationOutcome.OK, v41.outcome(), v41::toString);
        // 500 sampled customers, plus those the sampled orders and referrals point at
        assertTrue(v41.rowCounts().stream().anyMatch(r -> r.table().equals("shop.customers") && r.before() >= 500L
                && r.before().equals(r.after())), v41.rowCounts()::toString);
    }

    private Path flyway(String... namesAndSql) throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path migrations = Files.createDirectories(project.resolve("db/migration"));
        for (int i = 0; i < namesAndSql.length; i += 2) {
            Files.writeString(migrations.resolve(namesAndSql[i]), namesAndSql[i + 1]);
        }
        return project;
    }
}

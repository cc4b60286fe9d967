package dev.redline.dryrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each tool's history table, created with the tool's own DDL and rows as the tool writes them, decides which of a
 * project's migrations are pending.
 */
class HistoryTablesTest {

    @TempDir
    Path dir;

    private List<String> pending(String historySql) throws Exception {
        return selection(historySql).migrations().stream().map(PlannedMigration::path).toList();
    }

    private MigrationSelection selection(String historySql) throws Exception {
        String db = TestServer.createDatabase("history");
        try (Connection c = TestServer.connect(db)) {
            try (Statement s = c.createStatement()) {
                s.execute(historySql);
            }
            return MigrationSelection.pending(dir, c);
        }
    }

    private void file(String path, String text) throws Exception {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.writeString(dir.resolve(path), text);
    }

    @Test
    void golangMigrateCurrentVersionAndDirtyFlag() throws Exception {
        file("migrations/1_a.up.sql", "SELECT 1;");
        file("migrations/1_a.down.sql", "SELECT 1;");
        file("migrations/2_b.up.sql", "SELECT 2;");
        file("migrations/3_c.up.sql", "SELECT 3;");
        MigrationSelection s = selection("CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, "
                + "dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (2, true);");
        assertEquals(List.of("migrations/3_c.up.sql"), s.migrations().stream().map(PlannedMigration::path).toList());
        assertTrue(s.history().notes().get(0).contains("dirty at version 2"), s.history().notes()::toString);
    }

    @Test
    void dbmateVersionsTable() throws Exception {
        file("db/migrations/20240101000000_a.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n");
        file("db/migrations/20240201000000_b.sql", "-- migrate:up\nSELECT 2;\n-- migrate:down\nSELECT 2;\n");
        assertEquals(List.of("db/migrations/20240201000000_b.sql"), pending("CREATE TABLE schema_migrations "
                + "(version varchar(128) PRIMARY KEY); INSERT INTO schema_migrations VALUES ('20240101000000');"));
    }

    @Test
    void gooseLatestRowPerVersionDecides() throws Exception {
        file("migrations/00001_a.sql", "-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT 1;\n");
        file("migrations/00002_b.sql", "-- +goose Up\nSELECT 2;\n-- +goose Down\nSELECT 2;\n");
        file("migrations/00003_c.sql", "-- +goose Up\nSELECT 3;\n-- +goose Down\nSELECT 3;\n");
        // 2 was applied, then rolled back with goose down.
        assertEquals(List.of("migrations/00002_b.sql", "migrations/00003_c.sql"), pending("""
                CREATE TABLE goose_db_version (id serial PRIMARY KEY, version_id bigint NOT NULL,
                    is_applied boolean NOT NULL, tstamp timestamp DEFAULT now());
                INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, true), (1, true), (2, true), (2, false);
                """));
    }

    @Test
    void prismaChecksumIsTheFilesSha256() throws Exception {
        file("prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n");
        file("prisma/migrations/20240101000000_init/migration.sql", "CREATE TABLE a (id int);\n");
        file("prisma/migrations/20240201000000_more/migration.sql", "CREATE TABLE b (id int);\n");
        MigrationSelection s = selection("""
                CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL,
                    finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text,
                    rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(),
                    applied_steps_count integer NOT NULL DEFAULT 0);
                INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name)
                VALUES ('1', 'not-the-checksum', now(), '20240101000000_init');
                """);
        assertEquals(List.of("prisma/migrations/20240201000000_more/migration.sql"),
                s.migrations().stream().map(PlannedMigration::path).toList());
        assertEquals(1, s.history().checksumMismatches().size());
    }

    @Test
    void dieselVersionsWithoutSeparators() throws Exception {
        file("migrations/2024-01-01-000000_a/up.sql", "SELECT 1;");
        file("migrations/2024-01-01-000000_a/down.sql", "SELECT 1;");
        file("migrations/2024-02-01-000000_b/up.sql", "SELECT 2;");
        file("migrations/2024-02-01-000000_b/down.sql", "SELECT 2;");
        assertEquals(List.of("migrations/2024-02-01-000000_b/up.sql"), pending("""
                CREATE TABLE __diesel_schema_migrations (version varchar(50) PRIMARY KEY,
                    run_on timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP);
                INSERT INTO __diesel_schema_migrations (version) VALUES ('20240101000000');
                """));
    }

    @Test
    void supabaseSchemaMigrations() throws Exception {
        file("supabase/migrations/20240101000000_a.sql", "SELECT 1;");
        file("supabase/migrations/20240201000000_b.sql", "SELECT 2;");
        assertEquals(List.of("supabase/migrations/20240201000000_b.sql"), pending("""
                CREATE SCHEMA supabase_migrations;
                CREATE TABLE supabase_migrations.schema_migrations (version text PRIMARY KEY, statements text[],
                    name text);
                INSERT INTO supabase_migrations.schema_migrations (version) VALUES ('20240101000000');
                """));
    }
}

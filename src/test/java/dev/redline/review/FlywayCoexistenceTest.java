package dev.redline.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.dryrun.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof that a sidecar review file is safe for Flyway: real Flyway 11 migrates a real PostgreSQL from a folder
 * holding a review file next to every migration, with strict naming validation on, and applies exactly the
 * migrations.
 */
class FlywayCoexistenceTest {

    @TempDir
    Path dir;

    @Test
    void flywayMigratesAFolderFullOfReviewFilesAndAppliesOnlyTheMigrations() throws Exception {
        GitRepo repo = Shop.create(dir);
        repo.write("db/migration/V3__index.sql", "CREATE INDEX customers_by_id ON customers (id);\n");
        repo.write("db/migration/R__customer_ids.sql",
                "CREATE OR REPLACE VIEW customer_ids AS SELECT id FROM customers;\n");
        repo.commitAll("more migrations");
        for (String file : List.of(Shop.V1, Shop.V2, "db/migration/V3__index.sql", "db/migration/R__customer_ids.sql")) {
            Cli signed = Shop.sign(repo, file, "--verdict", "approve", "--confirm-all");
            assertEquals(0, signed.exitCode(), signed::toString);
            assertTrue(Files.isRegularFile(repo.path(file + ".review.json")), file);
        }
        Path folder = repo.path("db/migration");
        try (var files = Files.list(folder)) {
            assertEquals(8, files.count(), "four migrations, four review files");
        }

        String url = TestServer.url(TestServer.createDatabase("coexistence"));
        Flyway flyway = Flyway.configure()
                .dataSource(url, null, null)
                .locations("filesystem:" + folder)
                .validateMigrationNaming(true) // fail on any file in the location Flyway cannot make sense of
                .load();
        MigrateResult result = flyway.migrate();

        assertTrue(result.success);
        assertEquals(4, result.migrationsExecuted);
        List<String> applied = new ArrayList<>();
        for (MigrationInfo info : flyway.info().all()) {
            assertEquals(MigrationState.SUCCESS, info.getState(), info.getScript());
            applied.add(info.getScript());
        }
        assertEquals(List.of("V1__customers.sql", "V2__cleanup.sql", "V3__index.sql", "R__customer_ids.sql"), applied);
        assertTrue(flyway.validateWithResult().validationSuccessful);

        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet columns = s.executeQuery("SELECT column_name FROM information_schema.columns "
                     + "WHERE table_name = 'customers' ORDER BY ordinal_position")) {
            List<String> names = new ArrayList<>();
            while (columns.next()) {
                names.add(columns.getString(1));
            }
            assertEquals(Arrays.asList("id"), names, "V2 ran: the phone column is gone");
        }

        // The control: the same Flyway does look at every file there, and refuses one it cannot name.
        repo.write("db/migration/V4_one_underscore.sql", "SELECT 1;\n");
        org.flywaydb.core.api.FlywayException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.flywaydb.core.api.FlywayException.class, flyway::migrate);
        assertTrue(refused.getMessage().contains("V4_one_underscore.sql"), refused.getMessage());
    }
}

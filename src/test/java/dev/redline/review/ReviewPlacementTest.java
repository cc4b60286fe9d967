package dev.redline.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.model.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per layout: every migration of a real project tree is signed off, and the files the tool itself would
 * read — by its own rule, encoded here from its source — are exactly the migrations, review files never among them.
 */
class ReviewPlacementTest {

    @TempDir
    Path dir;

    /** Flyway: scans each location recursively and takes files ending in a sqlMigrationSuffix ({@code .sql}). */
    @Test
    void flywayReadsOnlySqlFilesSoReviewsSitBesideTheMigrations() {
        GitRepo repo = GitRepo.init(dir);
        repo.write("db/migration/V1__t.sql", "CREATE TABLE t (id int, c text);\n");
        repo.write("db/migration/V2__drop.sql", "ALTER TABLE t DROP COLUMN c;\n");
        repo.write("db/migration/sub/R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;\n");
        Set<String> reviews = signAll(repo, Tool.FLYWAY);

        assertEquals(Set.of("db/migration/V1__t.sql.review.json", "db/migration/V2__drop.sql.review.json",
                "db/migration/sub/R__view.sql.review.json"), reviews);
        Set<String> read = filesUnder(repo.path("db/migration"), true, name -> name.endsWith(".sql"));
        assertEquals(Set.of("V1__t.sql", "V2__drop.sql", "sub/R__view.sql"), read);
    }

    /** goose: globs {@code *.sql} and {@code *.go} in its one folder (collectMigrationsFS). */
    @Test
    void gooseGlobsSqlAndGoSoReviewsSitBesideTheMigrations() {
        GitRepo repo = GitRepo.init(dir);
        repo.write("migrations/1_t.sql", "-- +goose Up\nCREATE TABLE t (id int, c text);\n-- +goose Down\nDROP TABLE t;\n");
        repo.write("migrations/2_drop.sql", "-- +goose Up\nALTER TABLE t DROP COLUMN c;\n");
        Set<String> reviews = signAll(repo, Tool.GOOSE);

        assertEquals(Set.of("migrations/1_t.sql.review.json", "migrations/2_drop.sql.review.json"), reviews);
        Pattern glob = Pattern.compile(".*\\.sql|.*\\.go");
        assertEquals(Set.of("1_t.sql", "2_drop.sql"), filesUnder(repo.path("migrations"), false,
                name -> glob.matcher(name).matches()));
    }

    /** dbmate: takes every file in its folder matching {@code ^(\d+).*\.sql$} (migrationFileRegexp). */
    @Test
    void dbmateMatchesVersionedSqlFilesSoReviewsSitBesideTheMigrations() {
        GitRepo repo = GitRepo.init(dir);
        repo.write("db/migrations/20240101000000_t.sql", "-- migrate:up\nCREATE TABLE t (id int, c text);\n"
                + "-- migrate:down\nDROP TABLE t;\n");
        repo.write("db/migrations/20240102000000_drop.sql", "-- migrate:up\nALTER TABLE t DROP COLUMN c;\n");
        Set<String> reviews = signAll(repo, Tool.DBMATE);

        assertEquals(Set.of("db/migrations/20240101000000_t.sql.review.json",
                "db/migrations/20240102000000_drop.sql.review.json"), reviews);
        Pattern dbmate = Pattern.compile("^(\\d+).*\\.sql$");
        assertEquals(Set.of("20240101000000_t.sql", "20240102000000_drop.sql"),
                filesUnder(repo.path("db/migrations"), false, name -> dbmate.matcher(name).matches()));
    }

    /**
     * golang-migrate: takes every file in its folder matching {@code ^([0-9]+)_(.*)\.(down|up)\.(.*)$}
     * (source.Regex), so {@code 2_x.up.sql.review.json} would be a second "up" of version 2: a duplicate migration.
     */
    @Test
    void golangMigrateReadsEveryVersionedFileSoReviewsGoToTheCentralFolder() {
        Pattern migrate = Pattern.compile("^([0-9]+)_(.*)\\.(down|up)\\.(.*)$");
        assertTrue(migrate.matcher("2_drop.up.sql.review.json").matches(), "why a sidecar is not an option");

        GitRepo repo = GitRepo.init(dir);
        repo.write("migrations/1_t.up.sql", "CREATE TABLE t (id int, c text);\n");
        repo.write("migrations/1_t.down.sql", "DROP TABLE t;\n");
        repo.write("migrations/2_drop.up.sql", "ALTER TABLE t DROP COLUMN c;\n");
        repo.write("migrations/2_drop.down.sql", "ALTER TABLE t ADD COLUMN c text;\n");
        Set<String> reviews = signAll(repo, Tool.GOLANG_MIGRATE);

        assertEquals(Set.of(".redline/reviews/migrations/1_t.up.sql.review.json",
                ".redline/reviews/migrations/1_t.down.sql.review.json",
                ".redline/reviews/migrations/2_drop.up.sql.review.json",
                ".redline/reviews/migrations/2_drop.down.sql.review.json"), reviews);
        assertEquals(Set.of("1_t.up.sql", "1_t.down.sql", "2_drop.up.sql", "2_drop.down.sql"),
                filesUnder(repo.path("migrations"), false, name -> migrate.matcher(name).matches()));
        assertEquals(4, filesUnder(repo.path("migrations"), true, name -> true).size(), "nothing else in the folder");
    }

    /**
     * Supabase: its CLI lists every file in supabase/migrations, takes {@code ^([0-9]+)_(.*)\.sql$} and warns
     * "Skipping migration …" about every other one, so the folder must hold migrations only.
     */
    @Test
    void supabaseWarnsAboutEveryOtherFileSoReviewsGoToTheCentralFolder() {
        GitRepo repo = GitRepo.init(dir);
        repo.write("supabase/migrations/20240101000000_t.sql", "CREATE TABLE t (id int, c text);\n");
        repo.write("supabase/migrations/20240102000000_drop.sql", "ALTER TABLE t DROP COLUMN c;\n");
        Set<String> reviews = signAll(repo, Tool.SUPABASE);

        assertEquals(Set.of(".redline/reviews/supabase/migrations/20240101000000_t.sql.review.json",
                ".redline/reviews/supabase/migrations/20240102000000_drop.sql.review.json"), reviews);
        Pattern supabase = Pattern.compile("^([0-9]+)_(.*)\\.sql$");
        Set<String> all = filesUnder(repo.path("supabase/migrations"), false, name -> true);
        assertEquals(all, filesUnder(repo.path("supabase/migrations"), false, name -> supabase.matcher(name).matches()),
                "no file the CLI would skip with a warning");
    }

    /** Prisma: each folder under migrations/ is a migration, and only its {@code migration.sql} is read. */
    @Test
    void prismaReadsOnlyMigrationSqlSoReviewsSitBesideIt() {
        GitRepo repo = GitRepo.init(dir);
        repo.write("prisma/schema.prisma", "model T { id Int @id }\n");
        repo.write("prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n");
        repo.write("prisma/migrations/20240101000000_init/migration.sql", "CREATE TABLE t (id int, c text);\n");
        repo.write("prisma/migrations/20240102000000_drop/migration.sql", "ALTER TABLE t DROP COLUMN c;\n");
        Set<String> reviews = signAll(repo, Tool.PRISMA);

        assertEquals(Set.of("prisma/migrations/20240101000000_init/migration.sql.review.json",
                "prisma/migrations/20240102000000_drop/migration.sql.review.json"), reviews);
        Path migrations = repo.path("prisma/migrations");
        Set<String> read = new TreeSet<>();
        for (Path folder : list(migrations).stream().filter(Files::isDirectory).toList()) {
            Path script = folder.resolve("migration.sql");
            assertTrue(Files.isRegularFile(script), folder + " would be a migration without migration.sql");
            read.add(migrations.relativize(script).toString());
        }
        assertEquals(Set.of("20240101000000_init/migration.sql", "20240102000000_drop/migration.sql"), read);
    }

    /**
     * Diesel: each folder under migrations/ is a migration of up.sql and down.sql; diesel 0.x rejected a folder
     * holding any other file, so reviews go to the central folder and the migration folders stay exactly so.
     */
    @Test
    void dieselMigrationFoldersHoldOnlyTheirScriptsSoReviewsGoToTheCentralFolder() {
        GitRepo repo = GitRepo.init(dir);
        repo.write("migrations/2024-01-01-000000_t/up.sql", "CREATE TABLE t (id int, c text);\n");
        repo.write("migrations/2024-01-01-000000_t/down.sql", "DROP TABLE t;\n");
        repo.write("migrations/2024-01-02-000000_drop/up.sql", "ALTER TABLE t DROP COLUMN c;\n");
        repo.write("migrations/2024-01-02-000000_drop/down.sql", "ALTER TABLE t ADD COLUMN c text;\n");
        Set<String> reviews = signAll(repo, Tool.DIESEL);

        assertTrue(reviews.stream().allMatch(r -> r.startsWith(".redline/reviews/migrations/")), reviews::toString);
        for (Path folder : list(repo.path("migrations"))) {
            assertEquals(Set.of("down.sql", "up.sql"), filesUnder(folder, false, name -> true),
                    folder + " holds only what diesel reads");
        }
    }

    /** Sqitch: reads only {@code deploy|revert|verify/<change>.sql} for the changes its plan names. */
    @Test
    void sqitchReadsOnlyPlannedScriptsSoReviewsSitBesideThem() {
        GitRepo repo = GitRepo.init(dir);
        repo.write("db/sqitch.plan", "%syntax-version=1.0.0\n%project=shop\n\n"
                + "t 2024-01-01T00:00:00Z Ada <ada@example.com> # table\n"
                + "drop [t] 2024-01-02T00:00:00Z Ada <ada@example.com> # drop a column\n");
        repo.write("db/deploy/t.sql", "CREATE TABLE t (id int, c text);\n");
        repo.write("db/revert/t.sql", "DROP TABLE t;\n");
        repo.write("db/deploy/drop.sql", "ALTER TABLE t DROP COLUMN c;\n");
        repo.write("db/revert/drop.sql", "ALTER TABLE t ADD COLUMN c text;\n");
        repo.write("db/verify/t.sql", "SELECT id FROM t WHERE false;\n");
        Set<String> reviews = signAll(repo, Tool.SQITCH);

        assertTrue(reviews.contains("db/deploy/drop.sql.review.json"), reviews::toString);
        Set<String> planned = Set.of("t", "drop");
        Set<String> read = new TreeSet<>();
        for (String kind : List.of("deploy", "revert", "verify")) {
            for (String name : filesUnder(repo.path("db/" + kind), false, n -> true)) {
                if (name.endsWith(".sql") && planned.contains(name.substring(0, name.length() - 4))) {
                    read.add(kind + "/" + name);
                }
            }
        }
        assertEquals(Set.of("deploy/t.sql", "revert/t.sql", "verify/t.sql", "deploy/drop.sql", "revert/drop.sql"),
                read);
    }

    /** Plain folders: the runner is unknown and may read every file, so the folder keeps only its .sql files. */
    @Test
    void plainFoldersKeepOnlyTheirScriptsSoReviewsGoToTheCentralFolder() {
        GitRepo repo = GitRepo.init(dir);
        repo.write("sql/001_t.sql", "CREATE TABLE t (id int, c text);\n");
        repo.write("sql/002_drop.sql", "ALTER TABLE t DROP COLUMN c;\n");
        Set<String> reviews = signAll(repo, Tool.PLAIN);

        assertEquals(Set.of(".redline/reviews/sql/001_t.sql.review.json", ".redline/reviews/sql/002_drop.sql.review.json"),
                reviews);
        assertEquals(Set.of("001_t.sql", "002_drop.sql"), filesUnder(repo.path("sql"), true, name -> true));
    }

    @Test
    void everyToolHasAPlacementAndRedlineNeverReadsReviewFilesAsMigrations() {
        for (Tool tool : Tool.values()) {
            assertTrue(ReviewPlacement.forTool(tool) != null);
        }
        GitRepo repo = GitRepo.init(dir);
        repo.write("db/migration/V1__t.sql", "CREATE TABLE t (id int);\n");
        repo.write("db/migration/V1__t.sql.review.json", "{}\n");
        repo.write(".redline/reviews/db/migration/V1__t.sql.review.json", "{}\n");
        assertEquals(1, analyze(repo).migrations().size());
    }

    /**
     * A review in the other tool's place is still found, also when the central folder does not exist at all (the
     * lookup skips the central place then, and must not skip the sidecar).
     */
    @Test
    void aSidecarReviewOfACentrallyPlacedMigrationIsFoundWithoutACentralFolder() throws ReviewException {
        GitRepo repo = GitRepo.init(dir);
        repo.write("sql/001_drop.sql", "DROP TABLE t;\n");
        ProjectAnalysis analysis = analyze(repo);
        MigrationAnalysis m = analysis.migrations().get(0);
        assertEquals(Tool.PLAIN, m.migration().tool());
        ReviewBook book = ReviewBook.open(repo.root());
        SignedReview signed = book.record(book.draft(List.of(m)).confirmAll(), Verdict.APPROVE,
                new Reviewer("Ada", "ada@example.com"), null, null, "test", Clock.systemUTC());
        Path central = repo.path(signed.displayFile());
        Path sidecar = repo.path("sql/001_drop.sql.review.json");
        try {
            Files.move(central, sidecar);
            Files.delete(repo.path(".redline/reviews/sql"));
            Files.delete(repo.path(".redline/reviews"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        ReviewStatus status = ReviewBook.open(repo.root()).status(m);

        assertEquals(ReviewState.APPROVED, status.state(), status.reason());
        assertEquals("sql/001_drop.sql.review.json", status.displayFile());
    }

    @Test
    void repositoryPathsAreTheSameHoweverThePathIsSpelled() throws ReviewException {
        GitRepo repo = GitRepo.init(dir);
        repo.write("db/migration/V1__t.sql", "CREATE TABLE t (id int);\n");
        ReviewBook book = ReviewBook.open(repo.root());
        Path file = repo.path("db/migration/V1__t.sql");
        assertEquals("db/migration/V1__t.sql", book.repositoryPath(file));
        assertEquals("db/migration/V1__t.sql", book.repositoryPath(repo.root().resolve("db/./x/../migration/V1__t.sql")));
        assertEquals("db/migration/V1__t.sql",
                book.repositoryPath(repo.root().resolve("db/migration").resolve("../migration/V1__t.sql")));
        assertEquals(".redline/reviews/a.sql.review.json",
                book.repositoryPath(repo.root().resolve(".redline/reviews/a.sql.review.json")));
        assertEquals("elsewhere.sql", book.repositoryPath(repo.root().getParent().resolve("elsewhere.sql")));
    }

    /** Signs off every migration file Redline finds (all of {@code tool}) and returns the review files written. */
    private static Set<String> signAll(GitRepo repo, Tool tool) {
        try {
            ReviewBook book = ReviewBook.open(repo.root());
            ProjectAnalysis analysis = analyze(repo);
            assertFalse(analysis.migrations().isEmpty());
            Map<Path, List<MigrationAnalysis>> byFile = new LinkedHashMap<>();
            for (MigrationAnalysis m : analysis.migrations()) {
                assertEquals(tool, m.migration().tool(), m.migration().relativePath());
                byFile.computeIfAbsent(m.migration().file(), f -> new ArrayList<>()).add(m);
            }
            Set<String> written = new TreeSet<>();
            for (List<MigrationAnalysis> analyses : byFile.values()) {
                SignedReview signed = book.record(book.draft(analyses).confirmAll(), Verdict.APPROVE,
                        new Reviewer("Ada", "ada@example.com"), null, null, "test", Clock.systemUTC());
                written.add(signed.displayFile());
            }
            for (ReviewStatus status : ReviewBook.open(repo.root()).statuses(analysis)) {
                assertEquals(ReviewState.APPROVED, status.state(), status.reason());
            }
            return written;
        } catch (ReviewException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static ProjectAnalysis analyze(GitRepo repo) {
        try {
            return ReviewBook.open(repo.root()).analyzer().analyze(repo.root(), false);
        } catch (ReviewException e) {
            throw new AssertionError(e);
        }
    }

    /** File names (relative to {@code folder}, {@code /} separators) a tool listing it would take. */
    private static Set<String> filesUnder(Path folder, boolean recursive, java.util.function.Predicate<String> takes) {
        try (Stream<Path> files = recursive ? Files.walk(folder) : Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> takes.test(f.getFileName().toString()))
                    .map(f -> folder.relativize(f).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

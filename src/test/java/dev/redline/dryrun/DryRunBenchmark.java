package dev.redline.dryrun;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * bench/dryrun.sh: the dry-run's cost over running the same migration with psql in a transaction followed by
 * ROLLBACK, on a 1,000,000-row clone in the embedded PostgreSQL. Rounds alternate the two; the table is vacuumed
 * (untimed) between runs so each starts without the previous run's dead tuples. Prints each round, the medians
 * and the ratios: the dry-run engine (connect, run, probes, rollback, in this JVM) and the whole CLI in a fresh
 * JVM ({@code java … dev.redline.Redline dry-run}, JVM start included).
 *
 * <p>A {@code main}, not a unit test: {@code bench/dryrun.sh [ROUNDS] [ROWS]}.
 */
public final class DryRunBenchmark {

    static final String MIGRATION = """
            -- a typical release: a new column with a backfill, a narrowed type, an index, a constraint
            ALTER TABLE customers ADD COLUMN status text;
            UPDATE customers SET status = 'active' WHERE id % 2 = 0;
            ALTER TABLE customers ALTER COLUMN phone TYPE varchar(20) USING phone::varchar(20);
            CREATE INDEX customers_email ON customers (email);
            ALTER TABLE customers ALTER COLUMN name SET NOT NULL;
            """;

    private DryRunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path work = Files.createTempDirectory("redline-dryrun-bench");
        Path migration = Files.writeString(work.resolve("V2__release.sql"), MIGRATION);
        Path wrapped = Files.writeString(work.resolve("psql.sql"), "BEGIN;\n" + MIGRATION + "ROLLBACK;\n");

        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?user=postgres";
            System.out.printf(Locale.ROOT, "seeding %,d customers on PostgreSQL (port %d)…%n", rows, pg.getPort());
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, phone text, "
                        + "name text, created_at timestamptz NOT NULL DEFAULT now())");
                s.execute("INSERT INTO customers (id, email, phone, name) SELECT g, 'user' || g || '@example.com', "
                        + "CASE WHEN g % 8 = 0 THEN '+1-555-0100-extension-' || g ELSE '555-' || lpad(g::text, 7, '0') END, "
                        + "'Customer ' || g FROM generate_series(1, " + rows + ") g");
                s.execute("VACUUM ANALYZE customers");
            }
            List<Double> psql = new ArrayList<>();
            List<Double> engine = new ArrayList<>();
            List<Double> cli = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                boolean warmup = round == 0;
                double p;
                double e;
                double j;
                vacuum(url);
                // The order turns every round, so neither tool always runs on the warmer cache.
                if (round % 2 == 0) {
                    p = timePsql(pg.getPort(), wrapped);
                    vacuum(url);
                    e = timeEngine(url, migration);
                    vacuum(url);
                    j = timeCli(url, migration, work);
                } else {
                    j = timeCli(url, migration, work);
                    vacuum(url);
                    e = timeEngine(url, migration);
                    vacuum(url);
                    p = timePsql(pg.getPort(), wrapped);
                }
                System.out.printf(Locale.ROOT, "%s psql %8.0f ms   dry-run engine %8.0f ms (%.2fx)   dry-run CLI %8.0f ms (%.2fx)%n",
                        warmup ? "warm-up " : "round " + round + " ", p, e, e / p, j, j / p);
                if (!warmup) {
                    ratios.add(e / p);
                    psql.add(p);
                    engine.add(e);
                    cli.add(j);
                }
            }
            double mp = median(psql);
            double me = median(engine);
            double mc = median(cli);
            System.out.printf(Locale.ROOT, "%nmedian of %d rounds on %,d rows:%n", rounds, rows);
            System.out.printf(Locale.ROOT, "  psql (BEGIN; migration; ROLLBACK)  %8.0f ms%n", mp);
            System.out.printf(Locale.ROOT, "  dry-run engine                     %8.0f ms   ratio %.3f (overhead %+.1f%%)%n",
                    me, me / mp, (me / mp - 1) * 100);
            System.out.printf(Locale.ROOT, "  median of the rounds' engine/psql ratios             ratio %.3f%n",
                    median(ratios));
            System.out.printf(Locale.ROOT, "  dry-run CLI, JVM start included   %8.0f ms   ratio %.3f (overhead %+.1f%%)%n",
                    mc, mc / mp, (mc / mp - 1) * 100);
        }
    }

    private static double timePsql(int port, Path wrapped) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p",
                Integer.toString(port), "-U", "postgres", "-d", "postgres", "-f", wrapped.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("psql failed: " + output);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double timeEngine(String url, Path migration) throws Exception {
        long t0 = System.nanoTime();
        MigrationSelection selection = MigrationSelection.ofFiles(List.of(migration));
        DryRunReport report;
        try (TargetConnection target = TargetConnection.open(TargetUrl.parse(url), Map.of())) {
            report = new DryRunner(DryRunSettings.defaults()).run(target, "clone", null, selection.migrations(),
                    new Cancellation());
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (!report.allOk()) {
            throw new IllegalStateException("the benchmark migration failed: " + report);
        }
        return ms;
    }

    private static double timeCli(String url, Path migration, Path work) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.redline.Redline", "dry-run", "--db", url, "--format", "json", "--migration", migration.toString(),
                work.toString()).redirectErrorStream(true).redirectOutput(work.resolve("cli.json").toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("the CLI dry-run failed: " + Files.readString(work.resolve("cli.json")));
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void vacuum(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("VACUUM customers");
            s.execute("CHECKPOINT");
        }
    }

    private static double median(List<Double> xs) {
        List<Double> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}

package dev.redline.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of {@code dry-run}, parsed but not yet checked against the file system or the network.
 *
 * @param db               the {@code --db} JDBC URL as typed, or {@code null}
 * @param profile          the {@code --profile} name, or {@code null}
 * @param migrations       the {@code --migration} paths, in the order given (empty: pending ones by history)
 * @param projectDir       the PROJECT_DIR argument, or {@code null} for the working directory
 * @param lockTimeout      {@code --lock-timeout}, or {@code null} for the default
 * @param statementTimeout {@code --statement-timeout}, or {@code null} for the default
 * @param seed             {@code --seed} (embedded database only), or {@code null}
 * @param cloneFrom        {@code --clone-from} JDBC URL (embedded database only), or {@code null}
 * @param sampleRows       {@code --sample-rows} (with {@code --clone-from}), or {@code null} for every row
 * @param throwawayCopy    {@code --throwaway-copy}: run migrations that cannot run in a transaction whole on a
 *                         {@code CREATE DATABASE … TEMPLATE} copy of the target, dropped afterwards
 */
record DryRunOptions(String db, String profile, Format format, List<String> migrations, String projectDir,
                     Duration lockTimeout, Duration statementTimeout, boolean help, String seed, String cloneFrom,
                     Integer sampleRows, boolean throwawayCopy) {

    /** Without --db or --profile the dry-run runs on an embedded PostgreSQL that Redline starts and throws away. */
    boolean embedded() {
        return db == null && profile == null;
    }

    /** The report formats of {@code dry-run}. */
    enum Format {
        TEXT, JSON
    }

    static final String USAGE = """
            usage: redline dry-run [--db JDBC_URL | --profile NAME] [--migration PATH]... [PROJECT_DIR]
                   redline dry-run [--seed FILE] [--migration PATH]... [PROJECT_DIR]          (embedded)
                   redline dry-run --clone-from JDBC_URL [--sample-rows N] [--seed FILE] [PROJECT_DIR]

            Runs migrations against a clone or branch of the database inside one transaction and rolls it back,
            reporting per statement its duration, errors, locks and table rewrites, and per migration the row
            counts and schema changes. Nothing is ever committed. A target named in the project's
            .redline/production, or declared production in a profile, is refused.

            Without --db or --profile, Redline starts an embedded PostgreSQL 17 (about a second), applies for
            real the project's migrations before the one(s) dry-run, loads --seed, dry-runs, then stops it and
            deletes its data. By default the project's last migration is dry-run on all the ones before it.

              --db JDBC_URL            the database to dry-run against (jdbc:postgresql://HOST[:PORT]/DB?user=…);
                                       the password comes from ~/.pgpass or PGPASSWORD, never from Redline
              --profile NAME           a saved connection profile instead of --db
              --migration PATH         run exactly this file; repeat for more, they run in the order given
                                       (default: the pending migrations of PROJECT_DIR, by the history table
                                       its migration tool keeps on the database; embedded: the last migration,
                                       after applying every migration before it)
              --seed FILE              embedded: load this data after the replay: plain SQL (COPY … FROM stdin
                                       blocks too), or a pg_dump archive (-Fc/-Fd/-Ft; needs pg_restore)
              --clone-from JDBC_URL    embedded: clone this database instead of replaying migrations, reading
                                       nothing but its catalog and rows (READ ONLY transaction); the pending
                                       migrations come from the history table the clone holds
              --sample-rows N          with --clone-from: copy at most N rows per table, plus the rows they
                                       reference (history tables are copied whole)
              --throwaway-copy         with --db/--profile: a migration holding statements PostgreSQL refuses
                                       inside a transaction (CREATE INDEX CONCURRENTLY, VACUUM…) also runs
                                       whole, for real, on a CREATE DATABASE … TEMPLATE copy of the target that
                                       is dropped afterwards (needs CREATEDB and no other session on the target;
                                       new connections to it wait while it is copied; the embedded database
                                       always does this)
              --format FORMAT          text (default) or json
              --lock-timeout D         lock_timeout for every statement (default 5s; units ms, s, min, h)
              --statement-timeout D    statement_timeout for every statement (default 10min)
              -h, --help               show this help

            exit codes: 0 every migration ran ok, 1 a migration failed or was refused,
                        2 usage or connection error, a refused (production) target, or an embedded
                          database that could not be built (a replayed migration, the seed or the clone failed)
            """;

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|m|h)?");

    static DryRunOptions parse(List<String> args) throws UsageException {
        String db = null;
        String profile = null;
        Format format = Format.TEXT;
        List<String> migrations = new ArrayList<>();
        List<String> positional = new ArrayList<>();
        Duration lockTimeout = null;
        Duration statementTimeout = null;
        String seed = null;
        String cloneFrom = null;
        Integer sampleRows = null;
        boolean throwawayCopy = false;
        ArgReader r = new ArgReader(args);
        while (r.next()) {
            if (r.isOperand()) {
                positional.add(r.argument());
                continue;
            }
            String name = r.option();
            switch (name) {
                case "-h", "--help" -> {
                    return new DryRunOptions(null, null, Format.TEXT, List.of(), null, null, null, true, null, null,
                            null, false);
                }
                case "--db" -> db = r.value();
                case "--profile" -> profile = r.value();
                case "--migration" -> migrations.add(r.value());
                case "--seed" -> seed = r.value();
                case "--clone-from" -> cloneFrom = r.value();
                case "--sample-rows" -> sampleRows = positive(name, r.value());
                case "--throwaway-copy" -> {
                    r.noValue();
                    throwawayCopy = true;
                }
                case "--format" -> format = format(r.value());
                case "--lock-timeout" -> lockTimeout = duration(name, r.value());
                case "--statement-timeout" -> statementTimeout = duration(name, r.value());
                default -> throw r.unknown("dry-run");
            }
        }
        if (positional.size() > 1) {
            throw new UsageException("dry-run takes one PROJECT_DIR at most (got " + positional.size() + ")");
        }
        if (db != null && profile != null) {
            throw new UsageException("give --db or --profile, not both");
        }
        boolean target = db != null || profile != null;
        if (target && seed != null) {
            throw new UsageException("--seed loads data into the embedded database: give it without --db or "
                    + "--profile (the target you name already has its data)");
        }
        if (target && cloneFrom != null) {
            throw new UsageException("--clone-from clones into the embedded database: give it without --db or "
                    + "--profile");
        }
        if (sampleRows != null && cloneFrom == null) {
            throw new UsageException("--sample-rows goes with --clone-from (it limits the rows copied per table)");
        }
        if (throwawayCopy && !target) {
            throw new UsageException("--throwaway-copy goes with --db or --profile (the embedded database runs such "
                    + "migrations on a throwaway copy anyway)");
        }
        return new DryRunOptions(db, profile, format, List.copyOf(migrations),
                positional.isEmpty() ? null : positional.get(0), lockTimeout, statementTimeout, false, seed,
                cloneFrom, sampleRows, throwawayCopy);
    }

    private static Integer positive(String option, String value) throws UsageException {
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new UsageException(option + " takes a number of rows greater than zero (got '" + value + "')");
    }

    private static Format format(String value) throws UsageException {
        return switch (value) {
            case "text" -> Format.TEXT;
            case "json" -> Format.JSON;
            default -> throw new UsageException("unknown --format '" + value + "' for dry-run (expected text or json)");
        };
    }

    static Duration duration(String option, String value) throws UsageException {
        Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException(option + " takes a duration such as 500ms, 5s or 10min (got '" + value + "')");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2) == null ? "ms" : m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "min", "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMillis(n);
        };
        if (d.isZero()) {
            throw new UsageException(option + " must be more than zero (a dry-run never waits forever)");
        }
        return d;
    }
}

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
 */
record DryRunOptions(String db, String profile, Format format, List<String> migrations, String projectDir,
                     Duration lockTimeout, Duration statementTimeout, boolean help) {

    /** The report formats of {@code dry-run}. */
    enum Format {
        TEXT, JSON
    }

    static final String USAGE = """
            usage: redline dry-run --db JDBC_URL [--format text|json] [--migration PATH]... [PROJECT_DIR]

            Runs migrations against a clone or branch of the database inside one transaction and rolls it back,
            reporting per statement its duration, errors, locks and table rewrites, and per migration the row
            counts and schema changes. Nothing is ever committed. A target named in the project's
            .redline/production, or declared production in a profile, is refused.

              --db JDBC_URL            the database to dry-run against (jdbc:postgresql://HOST[:PORT]/DB?user=…);
                                       the password comes from ~/.pgpass or PGPASSWORD, never from Redline
              --profile NAME           a saved connection profile instead of --db
              --migration PATH         run exactly this file; repeat for more, they run in the order given
                                       (default: the pending migrations of PROJECT_DIR, by the history table
                                       its migration tool keeps on the database)
              --format FORMAT          text (default) or json
              --lock-timeout D         lock_timeout for every statement (default 5s; units ms, s, min, h)
              --statement-timeout D    statement_timeout for every statement (default 10min)
              -h, --help               show this help

            exit codes: 0 every migration ran ok, 1 a migration failed or was refused,
                        2 usage or connection error, or a refused (production) target
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
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
                continue;
            }
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            switch (name) {
                case "--" -> optionsEnded = true;
                case "-h", "--help" -> {
                    return new DryRunOptions(null, null, Format.TEXT, List.of(), null, null, null, true);
                }
                case "--db" -> db = inline != null ? inline : valueOf(args, ++i, name);
                case "--profile" -> profile = inline != null ? inline : valueOf(args, ++i, name);
                case "--migration" -> migrations.add(inline != null ? inline : valueOf(args, ++i, name));
                case "--format" -> format = format(inline != null ? inline : valueOf(args, ++i, name));
                case "--lock-timeout" -> lockTimeout = duration(name, inline != null ? inline : valueOf(args, ++i,
                        name));
                case "--statement-timeout" -> statementTimeout = duration(name, inline != null ? inline
                        : valueOf(args, ++i, name));
                default -> throw new UsageException("unknown option '" + (eq > 0 ? name : arg) + "' for dry-run");
            }
        }
        if (positional.size() > 1) {
            throw new UsageException("dry-run takes one PROJECT_DIR at most (got " + positional.size() + ")");
        }
        if (db != null && profile != null) {
            throw new UsageException("give --db or --profile, not both");
        }
        if (db == null && profile == null) {
            throw new UsageException("dry-run needs --db JDBC_URL: the clone or branch to run the migrations "
                    + "against (e.g. --db 'jdbc:postgresql://localhost:5432/app_clone?user=me')");
        }
        return new DryRunOptions(db, profile, format, List.copyOf(migrations),
                positional.isEmpty() ? null : positional.get(0), lockTimeout, statementTimeout, false);
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

    private static String valueOf(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }
}

package dev.redline.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code check}, parsed but not yet checked against the file system.
 *
 * @param paths  the PATH arguments as typed, in order
 * @param allSql treat every .sql file under a folder as a plain migration
 * @param mode   the gate mode given with {@code --mode}, or {@code null}: then {@code mode=} in the project's
 *               {@code .redline/config.properties} decides, else advisory
 * @param help   {@code -h}/{@code --help} was given: print check's usage and do nothing else
 */
record CheckOptions(List<String> paths, boolean allSql, OutputFormat format, GateMode mode, boolean help) {

    static final String USAGE = """
            usage: redline check [--all-sql] [--format text|json|sarif|github] [--mode advisory|enforce] PATH...

            Reviews the migrations under each PATH (a project folder or a single .sql file) and reports
            what they drop, change, rename, lock or cannot undo.

              --all-sql        treat every .sql file under a folder as a plain migration, whatever the layout
              --format FORMAT  text (default), json, sarif (SARIF 2.1.0, for code-scanning uploads), or
                               github (workflow annotations for GitHub Actions)
              --mode MODE      advisory: report only, exit 0
                               enforce: exit 1 when a migration with a destructive or risky finding has no
                               approved, current review, or a file could not be read
                               (default: mode= in .redline/config.properties, else advisory)
              -h, --help       show this help

            Reviews are recorded with 'redline sign MIGRATION'; see docs/reviews.md.

            exit codes: 0 nothing blocks, 1 gate failed (enforce mode), 2 usage error or missing PATH,
                        3 internal error
            """;

    static CheckOptions parse(List<String> args) throws UsageException {
        List<String> paths = new ArrayList<>();
        boolean allSql = false;
        OutputFormat format = OutputFormat.TEXT;
        GateMode mode = null;
        ArgReader r = new ArgReader(args);
        while (r.next()) {
            if (r.isOperand()) {
                paths.add(r.argument());
                continue;
            }
            switch (r.option()) {
                case "-h", "--help" -> {
                    return new CheckOptions(List.of(), false, OutputFormat.TEXT, GateMode.ADVISORY, true);
                }
                case "--all-sql" -> {
                    r.noValue();
                    allSql = true;
                }
                case "--format" -> format = OutputFormat.fromId(r.value());
                case "--mode" -> mode = GateMode.fromId(r.value());
                default -> throw r.unknown("check");
            }
        }
        if (paths.isEmpty()) {
            throw new UsageException("check needs at least one PATH (a project folder or a .sql file)");
        }
        return new CheckOptions(List.copyOf(paths), allSql, format, mode, false);
    }
}

package dev.redline.core.layout;

import dev.redline.core.model.Direction;
import dev.redline.core.model.Migration;
import dev.redline.core.model.Tool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * golang-migrate's {@code <N>_<name>.up.sql} / {@code .down.sql} pairs, ordered by N. ory's popx (kratos, keto,
 * hydra) uses the same names with extra dotted parts: a database ({@code .postgres.}, {@code .mysql.}, ...) and
 * {@code .autocommit.} for scripts run outside a transaction. For PostgreSQL, popx runs a script for
 * {@code postgres} instead of the generic one of the same version, and never runs other databases' scripts; those
 * files are claimed but skipped.
 */
final class GolangMigrateLayout implements MigrationLayout {

    private static final Pattern NAME = Pattern.compile("^([0-9]+)_(.*)\\.(down|up)\\.(.*)$");
    private static final Set<String> OTHER_DATABASES =
            Set.of("mysql", "sqlite", "sqlite3", "cockroach", "cockroachdb", "mssql", "sqlserver", "oracle");
    private static final Set<String> POSTGRES = Set.of("postgres", "postgresql", "pg");

    private record Script(String file, String version, String name, Direction direction, String database) {
        boolean generic() {
            return database == null;
        }
    }

    @Override
    public void detect(DetectionContext context) {
        for (ScannedFolder folder : context.tree().all()) {
            List<Script> scripts = new ArrayList<>();
            for (String file : context.unclaimedSql(folder)) {
                Matcher m = NAME.matcher(file);
                if (m.matches() && m.group(4).equals("sql")) {
                    scripts.add(parse(file, m));
                }
            }
            Set<String> postgresSpecific = new HashSet<>();
            for (Script s : scripts) {
                if (s.database != null && POSTGRES.contains(s.database)) {
                    postgresSpecific.add(s.version + "/" + s.direction);
                }
            }
            List<Script> kept = new ArrayList<>();
            for (Script s : scripts) {
                String rel = folder.relOf(s.file);
                if (s.database != null && !POSTGRES.contains(s.database)) {
                    context.skip(rel, Tool.GOLANG_MIGRATE, "a script for " + s.database + ", not PostgreSQL");
                } else if (s.generic() && postgresSpecific.contains(s.version + "/" + s.direction)) {
                    context.skip(rel, Tool.GOLANG_MIGRATE,
                            "replaced on PostgreSQL by the .postgres. script of the same version");
                } else {
                    kept.add(s);
                }
            }
            kept.sort(Comparator.<Script, String>comparing(s -> s.version, Digits::compare)
                    .thenComparing(s -> s.direction)
                    .thenComparing(s -> s.file, NaturalOrder.NAMES));
            List<Migration> migrations = kept.stream()
                    .map(s -> DetectionContext.migration(folder.path(s.file), folder.relOf(s.file),
                            Tool.GOLANG_MIGRATE, s.direction, s.version, s.name, folder.rel(), false))
                    .toList();
            context.addSet(Tool.GOLANG_MIGRATE, folder, migrations);
        }
    }

    private static Script parse(String file, Matcher m) {
        Direction direction = m.group(3).equals("up") ? Direction.UP : Direction.DOWN;
        // popx suffixes, in either order: <name>[.<database>][.autocommit]
        List<String> parts = new ArrayList<>(Arrays.asList(m.group(2).split("\\.", -1)));
        String database = null;
        while (parts.size() > 1) {
            String last = parts.get(parts.size() - 1).toLowerCase(Locale.ROOT);
            if (last.equals("autocommit")) {
                parts.remove(parts.size() - 1);
            } else if (database == null && (POSTGRES.contains(last) || OTHER_DATABASES.contains(last))) {
                database = last;
                parts.remove(parts.size() - 1);
            } else {
                break;
            }
        }
        return new Script(file, m.group(1), String.join(".", parts), direction, database);
    }

    /** popx runs {@code .autocommit.} scripts outside a transaction. */
    static boolean autocommit(String fileName) {
        return fileName.contains(".autocommit.");
    }
}

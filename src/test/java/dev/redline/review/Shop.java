package dev.redline.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A small Flyway project in a git repository: a harmless first migration and a destructive second one. */
final class Shop {

    static final String V1 = "db/migration/V1__customers.sql";
    static final String V2 = "db/migration/V2__cleanup.sql";
    static final String V2_SQL = "-- cleanup\nALTER TABLE customers DROP COLUMN phone;\n";

    private Shop() {
    }

    static GitRepo create(Path dir) {
        GitRepo repo = GitRepo.init(dir);
        repo.write(V1, "CREATE TABLE customers (id bigint PRIMARY KEY, phone text);\n");
        repo.write(V2, V2_SQL);
        repo.commitAll("two migrations");
        return repo;
    }

    /** {@code check --format json} on the repository, plus extra arguments. */
    static Cli check(GitRepo repo, String... extra) {
        Object[] args = new Object[extra.length + 4];
        args[0] = "check";
        args[1] = "--format";
        args[2] = "json";
        System.arraycopy(extra, 0, args, 3, extra.length);
        args[args.length - 1] = repo.root();
        return Cli.run(args);
    }

    static Cli sign(GitRepo repo, String rel, Object... extra) {
        Object[] args = new Object[extra.length + 2];
        args[0] = "sign";
        args[1] = repo.path(rel);
        System.arraycopy(extra, 0, args, 2, extra.length);
        return Cli.run(args);
    }

    /** The JSON report's entry for the migration at {@code rel}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> migration(Cli check, String rel) {
        List<Object> migrations = (List<Object>) check.json().get("migrations");
        List<Map<String, Object>> found = migrations.stream().map(m -> (Map<String, Object>) m)
                .filter(m -> rel.equals(m.get("path"))).toList();
        assertEquals(1, found.size(), () -> rel + " in\n" + check);
        return found.get(0);
    }

    static String review(Cli check, String rel) {
        return (String) migration(check, rel).get("review");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> detail(Cli check, String rel) {
        return (Map<String, Object>) migration(check, rel).get("reviewDetail");
    }
}

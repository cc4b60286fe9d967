package dev.redline.dryrun;

import dev.redline.dryrun.DryRunReport.HeldLock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What our backend holds and where each user table's data lives, read in one round trip before and after a
 * statement: the relation locks in {@code pg_locks} for {@code pg_backend_pid()}, and every table's
 * {@code relfilenode}. A statement that gives an existing table a new relfilenode rewrote it (copied every row
 * under its lock). Names of relations are remembered across probes, so a lock on a table the statement dropped
 * still has a name.
 */
final class RelationProbe {

    /** The relation locks held and the file of every user table, at one moment. */
    record State(Set<Lock> locks, Map<Long, Long> fileNodes) {
    }

    record Lock(long relation, String mode) {
    }

    /** Lock modes from weakest to strongest, for a stable order in reports. */
    private static final List<String> MODES = List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock",
            "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");

    private static final String QUERY = "SELECT 'L', l.relation::bigint, l.mode, "
            + "(SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = l.relation) "
            + "FROM pg_locks l WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted "
            + "AND l.relation >= 16384 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            + "UNION ALL SELECT 'F', c.oid::bigint, c.relfilenode::text, quote_ident(n.nspname) || '.' || quote_ident(c.relname) "
            + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.relkind IN ('r', 'm') AND c.oid >= 16384 AND " + SchemaSnapshot.USER_SCHEMAS;

    private final Map<Long, String> names = new HashMap<>();

    State take(Connection c) throws SQLException {
        Set<Lock> locks = new LinkedHashSet<>();
        Map<Long, Long> files = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
            while (rs.next()) {
                long oid = rs.getLong(2);
                String name = rs.getString(4);
                if (name != null) {
                    names.put(oid, name);
                }
                if (rs.getString(1).equals("L")) {
                    locks.add(new Lock(oid, rs.getString(3)));
                } else {
                    files.put(oid, Long.parseLong(rs.getString(3)));
                }
            }
        }
        return new State(locks, files);
    }

    /** Locks held in {@code after} that were not held in {@code before}, strongest first. */
    List<HeldLock> taken(State before, State after) {
        List<HeldLock> out = new ArrayList<>();
        for (Lock l : after.locks()) {
            String name = names.get(l.relation());
            // Unnamed relations are the transient heaps a rewrite builds and drops; TOAST follows its table.
            if (!before.locks().contains(l) && name != null && !name.startsWith("pg_toast.")) {
                out.add(new HeldLock(name, l.mode()));
            }
        }
        out.sort(Comparator.comparing((HeldLock h) -> -MODES.indexOf(h.mode())).thenComparing(HeldLock::relation));
        return out;
    }

    /** Tables that existed before and have a different file after: rewritten (or truncated). */
    List<String> rewritten(State before, State after) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Long, Long> e : before.fileNodes().entrySet()) {
            Long now = after.fileNodes().get(e.getKey());
            if (now != null && !now.equals(e.getValue())) {
                out.add(nameOf(e.getKey()));
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    String nameOf(long oid) {
        return names.getOrDefault(oid, "oid " + oid);
    }
}

package dev.redline.dryrun.embedded;

import dev.redline.dryrun.Cancellation;
import dev.redline.dryrun.Cancelled;
import dev.redline.dryrun.TargetConnection;
import dev.redline.dryrun.TargetUrl;
import dev.redline.dryrun.embedded.EmbeddedProgress.Phase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * Clones a database into the embedded server with nothing but reads on the source: its schema, rebuilt from the
 * catalog, and its rows (all of them, or a sample per table plus the rows the sample references), copied with
 * {@code COPY … TO STDOUT} on the source and {@code COPY … FROM STDIN} on the embedded server.
 *
 * <p>The source session is read-only three times over: the session's {@code default_transaction_read_only} (and
 * session characteristics), the driver's {@code readOnly} mode ({@code BEGIN READ ONLY}), and the one
 * {@code REPEATABLE READ READ ONLY} transaction everything is read in, checked to be read-only before the first read, which also gives every table the same snapshot (foreign keys hold in the copy as they do in
 * the source). It sets {@code lock_timeout} (10 s), so it never queues behind a migration's exclusive lock for long,
 * and {@code idle_in_transaction_session_timeout}. Like {@code pg_dump}, it holds an {@code ACCESS SHARE} lock on
 * every table it has read until it ends, which makes DDL on the source wait: prefer a replica or quiet hours, and
 * {@code --sample-rows} to keep it short.
 *
 * <p>Copied: schemas, extensions (when the embedded server has them), enum, domain and composite types, sequences
 * (with their values), functions and procedures, tables (columns, types, collations, defaults, identity and
 * generated columns, NOT NULL, unlogged, declarative partitioning), primary keys, unique, exclusion, check and
 * foreign key constraints, indexes, views, materialized views, triggers, and role names (as NOLOGIN roles, so
 * GRANTs in migrations work). Not copied: owners and privileges, comments, row-level security and policies, rules,
 * publications and subscriptions, event triggers, statistics objects, foreign tables and servers, tablespaces, range
 * types, custom collations, operators and aggregates, table inheritance other than partitioning (children become
 * standalone tables with all their columns). An object that cannot be created is reported and skipped.
 */
public final class DatabaseCloner {

    /** Tables a migration tool keeps its history in: never sampled, so the pending migrations stay the same. */
    private static final Set<String> HISTORY_TABLES = Set.of("flyway_schema_history", "schema_migrations",
            "goose_db_version", "_prisma_migrations", "__diesel_schema_migrations");
    private static final Set<String> HISTORY_SCHEMAS = Set.of("sqitch", "supabase_migrations");
    private static final int KEY_BATCH = 500;
    private static final int MAX_REFERENCE_PASSES = 30;
    private static final String SEP = "\u001f";

    /** The clone could not be made; the message never contains a password. */
    public static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        public Failed(String message) {
            super(message);
        }
    }

    /**
     * What the clone copied.
     *
     * @param source        the source URL without password
     * @param sampleRows    the per-table row limit, or {@code null} for every row
     * @param tables        tables whose rows were copied
     * @param rows          rows copied in all
     * @param referenceRows of those, rows fetched because sampled rows reference them
     * @param notCopied     objects that could not be created, each with the reason
     */
    public record Result(String source, String sourceVersion, Integer sampleRows, int tables, long rows,
                         long referenceRows, List<String> notCopied) {
        public Result {
            notCopied = List.copyOf(notCopied);
        }
    }

    private record Table(long oid, String name, String schema, String relname, char kind, boolean unlogged,
                         boolean partition, String partitionKey, String bound, String parent, long estimate,
                         boolean readable, List<Column> columns) {
        boolean history() {
            return HISTORY_SCHEMAS.contains(schema) || HISTORY_TABLES.contains(relname);
        }
    }

    private record Column(String name, String type, boolean notNull, String dflt, String identity, String generated,
                          String collation, String identityOptions) {
    }

    private record ForeignKey(String child, List<String> childColumns, String parent, List<String> parentColumns,
                              List<String> parentTypes) {
    }

    private final Connection src;
    private final Connection dst;
    private final int sourceVersion;
    private final Integer sampleRows;
    private final EmbeddedProgress progress;
    private final Cancellation cancellation;
    private final boolean standardStrings;
    private final List<String> notCopied = new ArrayList<>();
    private final Map<String, Table> created = new LinkedHashMap<>();
    private final Map<String, Long> copiedRows = new HashMap<>();
    private long referenceRows;
    private int savepoints;

    private DatabaseCloner(Connection src, Connection dst, int sourceVersion, Integer sampleRows,
                           EmbeddedProgress progress, Cancellation cancellation) throws SQLException {
        this.src = src;
        this.dst = dst;
        this.sourceVersion = sourceVersion;
        this.sampleRows = sampleRows;
        this.progress = progress;
        this.cancellation = cancellation;
        this.standardStrings = "on".equals(one(src, "SHOW standard_conforming_strings"));
    }

    /**
     * Clones {@code source} into {@code database} on {@code server}. {@code sampleRows}: copy at most that many rows
     * per table (per partition), plus the rows they reference; {@code null} copies everything.
     */
    public static Result cloneInto(TargetUrl source, Map<String, String> env, Integer sampleRows,
                                   EmbeddedServer server, String database, EmbeddedProgress progress,
                                   Cancellation cancellation) throws Failed, Cancelled {
        try (Connection dst = server.connect(database)) {
            return cloneInto(source, env, sampleRows, dst, progress, cancellation);
        } catch (SQLException e) {
            throw new Failed("cannot connect to the embedded database: " + e.getMessage());
        }
    }

    /**
     * Clones {@code source} into the database {@code destination} is connected to (an empty one: the embedded
     * server's, or in tests any scratch database), in autocommit.
     */
    @SuppressWarnings("try") // the registration is closed, not used
    public static Result cloneInto(TargetUrl source, Map<String, String> env, Integer sampleRows,
                                   Connection destination, EmbeddedProgress progress, Cancellation cancellation)
            throws Failed, Cancelled {
        TargetConnection target;
        try {
            target = TargetConnection.open(source, env, "redline clone (read-only)",
                    Map.of("readOnly", "true"));
        } catch (TargetConnection.Failed e) {
            throw new Failed(e.getMessage());
        }
        try (target) {
            Connection dst = destination;
            dst.setAutoCommit(true);
            Connection src = target.jdbc();
            if (target.serverVersionNum() < 100000) {
                throw new Failed("cloning needs PostgreSQL 10 or later; " + source.display() + " runs "
                        + target.serverVersion());
            }
            PGConnection srcPg = src.unwrap(PGConnection.class);
            PGConnection dstPg = dst.unwrap(PGConnection.class);
            try (Cancellation.Registration r = cancellation.onCancel(() -> {
                cancelQuery(srcPg);
                cancelQuery(dstPg);
            })) {
                readOnlySession(src, target.serverVersionNum());
                try (Statement s = dst.createStatement()) {
                    s.execute("SET check_function_bodies = off");
                }
                DatabaseCloner cloner = new DatabaseCloner(src, dst, target.serverVersionNum(), sampleRows, progress,
                        cancellation);
                long rows = cloner.run();
                src.rollback();
                return new Result(source.display(), target.serverVersion(), sampleRows, cloner.copiedRows.size(),
                        rows, cloner.referenceRows, cloner.notCopied);
            }
        } catch (SQLException e) {
            if (cancellation.isCancelled()) {
                throw new Cancelled("cancelled while cloning " + source.display());
            }
            throw new Failed("cloning " + source.display() + " failed: " + TargetUrl.redact(String.valueOf(
                    e.getMessage())));
        }
    }

    /** Makes the source session read-only and opens its one REPEATABLE READ transaction; checks both. */
    static void readOnlySession(Connection src, int versionNum) throws SQLException, Failed {
        src.setAutoCommit(true);
        try (Statement s = src.createStatement()) {
            s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
            s.execute("SET default_transaction_read_only = on");
            s.execute("SET lock_timeout = '10s'");
            s.execute("SET idle_in_transaction_session_timeout = '5min'");
            if (versionNum >= 140000) {
                s.execute("SET client_connection_check_interval = '1s'");
            }
        }
        src.setReadOnly(true);
        src.setAutoCommit(false);
        String readOnly = one(src, "SELECT current_setting('transaction_read_only') || ' ' || "
                + "current_setting('transaction_isolation')");
        if (!"on repeatable read".equals(readOnly)) {
            src.rollback();
            throw new Failed("the source session is not read-only (" + readOnly + "); nothing was read");
        }
    }

    private long run() throws SQLException, Cancelled {
        progress.phase(Phase.CLONING_SCHEMA, "reading the source's catalog and creating its schema");
        for (String role : column(src, "SELECT quote_ident(rolname) FROM pg_roles WHERE rolname !~ '^pg_' "
                + "AND rolname <> current_user ORDER BY 1")) {
            tryDst("CREATE ROLE " + role + " NOLOGIN", null);
        }
        for (String schema : column(src, "SELECT quote_ident(n.nspname) FROM pg_namespace n WHERE "
                + schemaFilter("n") + " AND " + notExtension("pg_namespace", "n.oid") + " ORDER BY 1")) {
            tryDst("CREATE SCHEMA IF NOT EXISTS " + schema, "schema " + schema);
        }
        for (String[] e : rows(src, "SELECT quote_ident(e.extname), quote_ident(n.nspname) FROM pg_extension e "
                + "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY e.oid")) {
            tryDst("CREATE EXTENSION IF NOT EXISTS " + e[0] + " WITH SCHEMA " + e[1], "extension " + e[0]);
        }
        createTypes();
        for (String[] s : rows(src, "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
                + "format_type(s.seqtypid, NULL), s.seqincrement, s.seqmin, s.seqmax, s.seqstart, s.seqcache, "
                + "s.seqcycle FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON "
                + "n.oid = c.relnamespace WHERE " + schemaFilter("n") + " AND " + notExtension("pg_class", "c.oid")
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND "
                + "d.objid = c.oid AND d.deptype = 'i') ORDER BY c.oid")) {
            tryDst("CREATE SEQUENCE " + s[0] + " AS " + s[1] + " INCREMENT BY " + s[2] + " MINVALUE " + s[3]
                    + " MAXVALUE " + s[4] + " START WITH " + s[5] + " CACHE " + s[6] + ("t".equals(s[7]) ? " CYCLE"
                    : " NO CYCLE"), "sequence " + s[0]);
        }
        List<String[]> pendingRoutines = new ArrayList<>();
        String routines = sourceVersion >= 110000 ? "p.prokind IN ('f', 'p')"
                : "NOT p.proisagg AND NOT p.proiswindow";
        for (String[] f : rows(src, "SELECT format('%I.%I(%s)', n.nspname, p.proname, "
                + "pg_get_function_identity_arguments(p.oid)), pg_get_functiondef(p.oid) FROM pg_proc p JOIN "
                + "pg_namespace n ON n.oid = p.pronamespace WHERE " + schemaFilter("n") + " AND " + routines
                + " AND " + notExtension("pg_proc", "p.oid") + " ORDER BY p.oid")) {
            if (!tryDst(f[1], null)) {
                pendingRoutines.add(new String[] {"function " + f[0], f[1]});
            }
        }
        List<Table> tables = readTables();
        createTables(tables);

        progress.phase(Phase.COPYING_DATA, sampleRows == null ? "copying every row"
                : "copying up to " + sampleRows + " rows per table");
        List<Table> leaves = created.values().stream().filter(t -> t.kind() == 'r').toList();
        long rows = 0;
        for (int i = 0; i < leaves.size(); i++) {
            rows += copyTable(leaves.get(i), i, leaves.size());
        }
        List<ForeignKey> fks = foreignKeys();
        if (sampleRows != null) {
            long referenced = fetchReferenced(fks);
            rows += referenced;
            if (referenced > 0) {
                progress.note(String.format(Locale.ROOT, "copied %,d more rows that the sampled rows reference",
                        referenced));
            }
        }

        progress.phase(Phase.FINISHING_CLONE, "adding constraints, indexes, views and triggers");
        String local = sourceVersion >= 110000 ? " AND co.conparentid = 0" : "";
        List<String[]> constraints = rows(src, "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
                + "quote_ident(co.conname), co.contype, pg_get_constraintdef(co.oid) FROM pg_constraint co JOIN "
                + "pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind "
                + "IN ('r', 'p') AND " + schemaFilter("n") + " AND co.contype IN ('p', 'u', 'x', 'c', 'f')" + local
                + " AND NOT (c.relispartition AND NOT co.conislocal) ORDER BY CASE co.contype WHEN 'p' THEN 0 "
                + "WHEN 'u' THEN 1 WHEN 'x' THEN 2 WHEN 'c' THEN 3 ELSE 4 END, c.oid, co.conname");
        List<String[]> indexes = rows(src, "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
                + "pg_get_indexdef(i.indexrelid), c.relkind, quote_ident(ic.relname) FROM pg_index i JOIN pg_class c "
                + "ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = "
                + "c.relnamespace WHERE c.relkind IN ('r', 'p', 'm') AND " + schemaFilter("n")
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.contype "
                + "IN ('p', 'u', 'x')) AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)"
                + " ORDER BY i.indexrelid");
        for (String[] c : constraints) {
            if (!c[2].equals("f") && created.containsKey(c[0])) {
                tryDst("ALTER TABLE " + c[0] + " ADD CONSTRAINT " + c[1] + " " + c[3], "constraint " + c[1]
                        + " on " + c[0]);
            }
        }
        for (String[] ix : indexes) {
            if (!ix[2].equals("m") && created.containsKey(ix[0])) {
                tryDst(ix[1].replace(" ON ONLY ", " ON "), "index " + ix[3] + " on " + ix[0]);
            }
        }
        for (String[] c : constraints) {
            if (c[2].equals("f") && created.containsKey(c[0])) {
                tryDst("ALTER TABLE " + c[0] + " ADD CONSTRAINT " + c[1] + " " + c[3], "foreign key " + c[1]
                        + " on " + c[0]);
            }
        }
        for (String[] o : rows(src, "SELECT quote_ident(sn.nspname) || '.' || quote_ident(s.relname), "
                + "quote_ident(tn.nspname) || '.' || quote_ident(t.relname), quote_ident(a.attname) FROM pg_depend d "
                + "JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' JOIN pg_namespace sn ON sn.oid = "
                + "s.relnamespace JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = "
                + "t.relnamespace JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid WHERE "
                + "d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a' AND "
                + schemaFilter("sn"))) {
            if (created.containsKey(o[1])) {
                tryDst("ALTER SEQUENCE " + o[0] + " OWNED BY " + o[1] + "." + o[2], null);
            }
        }
        copySequenceValues();
        createViewsAndRoutines(pendingRoutines);
        for (String[] ix : indexes) {
            if (ix[2].equals("m")) {
                tryDst(ix[1], "index " + ix[3] + " on " + ix[0]);
            }
        }
        String triggerLocal = sourceVersion >= 130000 ? " AND t.tgparentid = 0" : "";
        for (String[] t : rows(src, "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
                + "quote_ident(t.tgname), pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = "
                + "t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND c.relkind IN "
                + "('r', 'p') AND " + schemaFilter("n") + triggerLocal + " ORDER BY t.oid")) {
            if (created.containsKey(t[0])) {
                tryDst(t[2], "trigger " + t[1] + " on " + t[0]);
            }
        }
        try (Statement s = dst.createStatement()) {
            s.execute("ANALYZE");
        }
        return rows;
    }

    private void createTypes() throws SQLException, Cancelled {
        for (String[] e : rows(src, "SELECT quote_ident(n.nspname) || '.' || quote_ident(t.typname), (SELECT "
                + "string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE "
                + "e.enumtypid = t.oid) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE "
                + "t.typtype = 'e' AND " + schemaFilter("n") + " AND " + notExtension("pg_type", "t.oid")
                + " ORDER BY t.oid")) {
            tryDst("CREATE TYPE " + e[0] + " AS ENUM (" + (e[1] == null ? "" : e[1]) + ")", "type " + e[0]);
        }
        List<String[]> pending = new ArrayList<>();
        for (String[] d : rows(src, "SELECT 'domain ' || quote_ident(n.nspname) || '.' || quote_ident(t.typname), "
                + "'CREATE DOMAIN ' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) || ' AS ' || "
                + "format_type(t.typbasetype, t.typtypmod) || coalesce(' DEFAULT ' || t.typdefault, '') || CASE "
                + "WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END || coalesce((SELECT string_agg(' CONSTRAINT ' || "
                + "quote_ident(co.conname) || ' ' || pg_get_constraintdef(co.oid), '' ORDER BY co.conname) FROM "
                + "pg_constraint co WHERE co.contypid = t.oid), '') FROM pg_type t JOIN pg_namespace n ON n.oid = "
                + "t.typnamespace WHERE t.typtype = 'd' AND " + schemaFilter("n") + " AND "
                + notExtension("pg_type", "t.oid") + " UNION ALL SELECT 'type ' || quote_ident(n.nspname) || '.' || "
                + "quote_ident(t.typname), 'CREATE TYPE ' || quote_ident(n.nspname) || '.' || quote_ident(t.typname)"
                + " || ' AS (' || coalesce((SELECT string_agg(quote_ident(a.attname) || ' ' || "
                + "format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum) FROM pg_attribute a WHERE "
                + "a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), '') || ')' FROM pg_type t JOIN "
                + "pg_class c ON c.oid = t.typrelid JOIN pg_namespace n ON n.oid = t.typnamespace WHERE c.relkind = "
                + "'c' AND " + schemaFilter("n") + " AND " + notExtension("pg_type", "t.oid"))) {
            pending.add(d);
        }
        retry(pending);
    }

    private List<Table> readTables() throws SQLException {
        String generated = sourceVersion >= 120000 ? "a.attgenerated" : "''";
        List<String[]> cols = rows(src, "SELECT a.attrelid, quote_ident(a.attname), format_type(a.atttypid, "
                + "a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity, " + generated + ", "
                + "CASE WHEN a.attcollation <> 0 AND a.attcollation <> (SELECT typcollation FROM pg_type WHERE oid = "
                + "a.atttypid) THEN (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname) FROM "
                + "pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) "
                + "END, CASE WHEN a.attidentity <> '' THEN (SELECT 'SEQUENCE NAME ' || quote_ident(sn.nspname) || "
                + "'.' || quote_ident(sc.relname) || ' START WITH ' || s.seqstart || ' INCREMENT BY ' || "
                + "s.seqincrement || ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax || ' CACHE ' || s.seqcache"
                + " || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE ' NO CYCLE' END FROM pg_depend dp JOIN pg_class sc ON "
                + "sc.oid = dp.objid JOIN pg_namespace sn ON sn.oid = sc.relnamespace JOIN pg_sequence s ON "
                + "s.seqrelid = sc.oid WHERE dp.classid = 'pg_class'::regclass AND dp.refobjid = a.attrelid AND "
                + "dp.refobjsubid = a.attnum AND dp.deptype = 'i' LIMIT 1) END FROM pg_attribute a JOIN pg_class c ON "
                + "c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_attrdef d ON "
                + "d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE c.relkind IN ('r', 'p') AND "
                + schemaFilter("n") + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum");
        Map<Long, List<Column>> byTable = new HashMap<>();
        for (String[] c : cols) {
            byTable.computeIfAbsent(Long.parseLong(c[0]), k -> new ArrayList<>()).add(new Column(c[1], c[2],
                    "t".equals(c[3]), c[4], c[5] == null ? "" : c[5], c[6] == null ? "" : c[6], c[7], c[8]));
        }
        List<Table> tables = new ArrayList<>();
        for (String[] t : rows(src, "SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
                + "n.nspname, c.relname, c.relkind, c.relpersistence, c.relispartition, CASE WHEN c.relkind = 'p' "
                + "THEN pg_get_partkeydef(c.oid) END, pg_get_expr(c.relpartbound, c.oid), (SELECT "
                + "quote_ident(pn.nspname) || '.' || quote_ident(pc.relname) FROM pg_inherits h JOIN pg_class pc ON "
                + "pc.oid = h.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE h.inhrelid = c.oid "
                + "LIMIT 1), c.reltuples::bigint, has_table_privilege(c.oid, 'SELECT') FROM pg_class c JOIN "
                + "pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND " + schemaFilter("n")
                + " AND " + notExtension("pg_class", "c.oid") + " ORDER BY c.relispartition, c.oid")) {
            long oid = Long.parseLong(t[0]);
            tables.add(new Table(oid, t[1], t[2], t[3], t[4].charAt(0), "u".equals(t[5]), "t".equals(t[6]), t[7],
                    t[8], t[9], Long.parseLong(t[10]), "t".equals(t[11]), byTable.getOrDefault(oid, List.of())));
        }
        return tables;
    }

    private void createTables(List<Table> tables) throws Cancelled {
        List<Table> pending = new ArrayList<>(tables);
        boolean progressMade = true;
        while (!pending.isEmpty() && progressMade) {
            progressMade = false;
            for (java.util.Iterator<Table> it = pending.iterator(); it.hasNext(); ) {
                Table t = it.next();
                if (t.partition() && !created.containsKey(t.parent())) {
                    continue;
                }
                checkCancelled();
                it.remove();
                progressMade = true;
                String error = createTable(t, true);
                if (error != null && !t.partition()) {
                    String fallback = createTable(t, false);
                    if (fallback == null) {
                        notCopied.add("table " + t.name() + ": created without its column defaults and collations ("
                                + error + ")");
                        error = null;
                    }
                }
                if (error != null) {
                    notCopied.add("table " + t.name() + ": " + error);
                } else {
                    created.put(t.name(), t);
                }
            }
        }
        for (Table t : pending) {
            notCopied.add("table " + t.name() + ": its partitioned parent " + t.parent() + " was not created");
        }
    }

    /** Creates {@code t}; returns the server's error, or {@code null}. */
    private String createTable(Table t, boolean full) {
        StringBuilder sql = new StringBuilder("CREATE ");
        if (t.unlogged()) {
            sql.append("UNLOGGED ");
        }
        sql.append("TABLE ").append(t.name());
        if (t.partition()) {
            sql.append(" PARTITION OF ").append(t.parent()).append(' ').append(t.bound());
        } else {
            sql.append(" (");
            for (int i = 0; i < t.columns().size(); i++) {
                Column c = t.columns().get(i);
                sql.append(i == 0 ? "" : ", ").append(c.name()).append(' ').append(c.type());
                if (full && c.collation() != null) {
                    sql.append(" COLLATE ").append(c.collation());
                }
                if (!c.generated().isEmpty() && c.dflt() != null) {
                    sql.append(" GENERATED ALWAYS AS (").append(c.dflt()).append(") STORED");
                } else if (!c.identity().isEmpty()) {
                    sql.append(c.identity().equals("a") ? " GENERATED ALWAYS AS IDENTITY"
                            : " GENERATED BY DEFAULT AS IDENTITY");
                    if (c.identityOptions() != null) {
                        sql.append(" (").append(c.identityOptions()).append(')');
                    }
                } else if (full && c.dflt() != null) {
                    sql.append(" DEFAULT ").append(c.dflt());
                }
                if (c.notNull()) {
                    sql.append(" NOT NULL");
                }
            }
            sql.append(')');
        }
        if (t.kind() == 'p' && t.partitionKey() != null) {
            sql.append(" PARTITION BY ").append(t.partitionKey());
        }
        try (Statement s = dst.createStatement()) {
            s.execute(sql.toString());
            return null;
        } catch (SQLException e) {
            return SeedLoader.message(e);
        }
    }

    private long copyTable(Table t, int index, int total) throws SQLException, Cancelled {
        checkCancelled();
        if (!t.readable()) {
            notCopied.add("rows of " + t.name() + ": the source user may not SELECT from it");
            return 0;
        }
        List<String> columns = t.columns().stream().filter(c -> c.generated().isEmpty()).map(Column::name).toList();
        if (columns.isEmpty()) {
            copiedRows.put(t.name(), 0L);
            return 0;
        }
        String list = String.join(", ", columns);
        boolean sample = sampleRows != null && !t.history();
        String out;
        long estimate = t.estimate() < 0 ? -1 : t.estimate();
        if (sample) {
            String tablesample = "";
            if (t.estimate() > 2L * sampleRows) {
                double percent = Math.min(100.0, 300.0 * sampleRows / t.estimate());
                tablesample = String.format(Locale.ROOT, " TABLESAMPLE SYSTEM (%.6f) REPEATABLE (0)", percent);
            }
            out = "COPY (SELECT " + list + " FROM ONLY " + t.name() + tablesample + " LIMIT " + sampleRows
                    + ") TO STDOUT";
            estimate = estimate < 0 ? sampleRows : Math.min(estimate, sampleRows);
        } else {
            out = "COPY " + t.name() + " (" + list + ") TO STDOUT";
        }
        String in = "COPY " + t.name() + " (" + list + ") FROM STDIN";
        progress.copying(t.name(), index, total, 0, estimate, false);
        long rows = stream(out, in, t.name(), index, total, estimate);
        if (rows >= 0) {
            copiedRows.put(t.name(), rows);
        }
        progress.copying(t.name(), index, total, Math.max(rows, 0), estimate, true);
        return Math.max(rows, 0);
    }

    /**
     * Streams one COPY from the source to the embedded server, reporting progress for table {@code index} (none when
     * negative); -1 when the source refused it (noted).
     */
    private long stream(String out, String in, String table, int index, int total, long estimate)
            throws SQLException, Cancelled {
        String savepoint = "redline_copy_" + (++savepoints);
        try (Statement s = src.createStatement()) {
            s.execute("SAVEPOINT " + savepoint);
        }
        CopyOut copyOut;
        try {
            copyOut = src.unwrap(PGConnection.class).getCopyAPI().copyOut(out);
        } catch (SQLException e) {
            checkCancelled();
            try (Statement s = src.createStatement()) {
                s.execute("ROLLBACK TO SAVEPOINT " + savepoint);
            }
            notCopied.add("rows of " + table + ": " + SeedLoader.message(e));
            return -1;
        }
        CopyIn copyIn = null;
        long rows = 0;
        long lastReport = System.nanoTime();
        try {
            copyIn = dst.unwrap(PGConnection.class).getCopyAPI().copyIn(in);
            byte[] row;
            while ((row = copyOut.readFromCopy()) != null) {
                copyIn.writeToCopy(row, 0, row.length);
                rows++;
                if ((rows & 0xFFF) == 0) {
                    checkCancelled();
                    if (index >= 0 && System.nanoTime() - lastReport > 500_000_000L) {
                        progress.copying(table, index, total, rows, estimate, false);
                        lastReport = System.nanoTime();
                    }
                }
            }
            copyIn.endCopy();
            copyIn = null;
        } catch (Cancelled c) {
            throw c;
        } catch (SQLException e) {
            checkCancelled();
            throw new SQLException("copying " + table + ": " + e.getMessage(), e.getSQLState(), e);
        } finally {
            if (copyOut.isActive()) {
                try {
                    copyOut.cancelCopy();
                } catch (SQLException ignored) {
                    // ends with the transaction
                }
            }
            if (copyIn != null && copyIn.isActive()) {
                try {
                    copyIn.cancelCopy();
                } catch (SQLException ignored) {
                    // the embedded side is thrown away
                }
            }
        }
        try (Statement s = src.createStatement()) {
            s.execute("RELEASE SAVEPOINT " + savepoint);
        }
        return rows;
    }

    private List<ForeignKey> foreignKeys() throws SQLException {
        String local = sourceVersion >= 110000 ? " AND co.conparentid = 0" : "";
        List<ForeignKey> fks = new ArrayList<>();
        for (String[] f : rows(src, "SELECT quote_ident(cn.nspname) || '.' || quote_ident(c.relname), "
                + "quote_ident(pn.nspname) || '.' || quote_ident(p.relname), (SELECT string_agg(quote_ident(a.attname),"
                + " chr(31) ORDER BY k.ord) FROM unnest(co.conkey) WITH ORDINALITY k(num, ord) JOIN pg_attribute a ON "
                + "a.attrelid = co.conrelid AND a.attnum = k.num), (SELECT string_agg(quote_ident(a.attname), chr(31)"
                + " ORDER BY k.ord) FROM unnest(co.confkey) WITH ORDINALITY k(num, ord) JOIN pg_attribute a ON "
                + "a.attrelid = co.confrelid AND a.attnum = k.num), (SELECT string_agg(format_type(a.atttypid, "
                + "a.atttypmod), chr(31) ORDER BY k.ord) FROM unnest(co.confkey) WITH ORDINALITY k(num, ord) JOIN "
                + "pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.num) FROM pg_constraint co JOIN "
                + "pg_class c ON c.oid = co.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace JOIN pg_class p "
                + "ON p.oid = co.confrelid JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE co.contype = 'f' AND "
                + schemaFilter("cn") + local + " ORDER BY co.oid")) {
            if (created.containsKey(f[0]) && created.containsKey(f[1])) {
                fks.add(new ForeignKey(f[0], List.of(f[2].split(SEP)), f[1], List.of(f[3].split(SEP)),
                        List.of(f[4].split(SEP))));
            }
        }
        return fks;
    }

    /** Fetches, until none is missing, the parent rows the sampled rows reference. Returns the rows added. */
    private long fetchReferenced(List<ForeignKey> fks) throws SQLException, Cancelled {
        long added = 0;
        for (int pass = 0; pass < MAX_REFERENCE_PASSES; pass++) {
            long thisPass = 0;
            for (ForeignKey fk : fks) {
                checkCancelled();
                Table parent = created.get(fk.parent());
                StringBuilder missing = new StringBuilder("SELECT DISTINCT ");
                StringBuilder notNull = new StringBuilder();
                StringBuilder join = new StringBuilder();
                for (int i = 0; i < fk.childColumns().size(); i++) {
                    String cc = "c." + fk.childColumns().get(i);
                    missing.append(i == 0 ? "" : ", ").append(cc).append("::text");
                    notNull.append(i == 0 ? "" : " AND ").append(cc).append(" IS NOT NULL");
                    join.append(i == 0 ? "" : " AND ").append("p.").append(fk.parentColumns().get(i)).append(" = ")
                            .append(cc);
                }
                missing.append(" FROM ").append(fk.child()).append(" c WHERE ").append(notNull)
                        .append(" AND NOT EXISTS (SELECT 1 FROM ").append(fk.parent()).append(" p WHERE ").append(join)
                        .append(')');
                List<String[]> keys = rows(dst, missing.toString());
                for (int from = 0; from < keys.size(); from += KEY_BATCH) {
                    List<String[]> batch = keys.subList(from, Math.min(keys.size(), from + KEY_BATCH));
                    StringBuilder values = new StringBuilder();
                    for (String[] key : batch) {
                        values.append(values.length() == 0 ? "(" : ", (");
                        for (int i = 0; i < key.length; i++) {
                            values.append(i == 0 ? "" : ", ").append(literal(key[i])).append("::")
                                    .append(fk.parentTypes().get(i));
                        }
                        values.append(')');
                    }
                    List<String> columns = parent.columns().stream().filter(c -> c.generated().isEmpty())
                            .map(Column::name).toList();
                    String list = String.join(", ", columns);
                    String out = "COPY (SELECT " + list + " FROM " + (parent.kind() == 'p' ? "" : "ONLY ")
                            + parent.name() + " WHERE (" + String.join(", ", fk.parentColumns()) + ") IN (VALUES "
                            + values + ")) TO STDOUT";
                    long n = stream(out, "COPY " + parent.name() + " (" + list + ") FROM STDIN", parent.name(), -1, -1,
                            -1);
                    if (n > 0) {
                        thisPass += n;
                        copiedRows.merge(parent.name(), n, Long::sum);
                    }
                }
            }
            added += thisPass;
            if (thisPass == 0) {
                break;
            }
        }
        referenceRows += added;
        return added;
    }

    private void copySequenceValues() throws SQLException, Cancelled {
        for (String seq : column(src, "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class "
                + "c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'S' AND " + schemaFilter("n")
                + " AND " + notExtension("pg_class", "c.oid") + " AND CASE WHEN c.relkind = 'S' THEN "
                + "has_sequence_privilege(c.oid, 'SELECT') END")) {
            checkCancelled();
            String[] v = rows(src, "SELECT last_value, is_called FROM " + seq).get(0);
            tryDst("SELECT setval('" + seq.replace("'", "''") + "', " + v[0] + ", " + ("t".equals(v[1])) + ")",
                    null);
        }
    }

    private void createViewsAndRoutines(List<String[]> pendingRoutines) throws SQLException, Cancelled {
        List<String[]> pending = new ArrayList<>();
        for (String[] v : rows(src, "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), c.relkind, "
                + "pg_get_viewdef(c.oid), array_to_string(c.reloptions, ', '), c.relispopulated FROM pg_class c JOIN "
                + "pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND " + schemaFilter("n")
                + " AND " + notExtension("pg_class", "c.oid") + " ORDER BY c.oid")) {
            String body = v[2].strip();
            if (body.endsWith(";")) {
                body = body.substring(0, body.length() - 1);
            }
            String with = v[3] == null || v[3].isEmpty() ? "" : " WITH (" + v[3] + ")";
            if (v[1].equals("m")) {
                pending.add(new String[] {"materialized view " + v[0], "CREATE MATERIALIZED VIEW " + v[0] + with
                        + " AS " + body + ("t".equals(v[4]) ? " WITH DATA" : " WITH NO DATA")});
            } else {
                pending.add(new String[] {"view " + v[0], "CREATE VIEW " + v[0] + with + " AS " + body});
            }
        }
        pending.addAll(0, pendingRoutines);
        retry(pending);
    }

    /** Runs {@code [name, sql]} statements until none more succeeds (dependencies in any order); notes the rest. */
    private void retry(List<String[]> pending) throws Cancelled {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean progressMade = true;
        while (!pending.isEmpty() && progressMade) {
            progressMade = false;
            for (java.util.Iterator<String[]> it = pending.iterator(); it.hasNext(); ) {
                checkCancelled();
                String[] p = it.next();
                try (Statement s = dst.createStatement()) {
                    s.execute(p[1]);
                    it.remove();
                    errors.remove(p[0]);
                    progressMade = true;
                } catch (SQLException e) {
                    errors.put(p[0], SeedLoader.message(e));
                }
            }
        }
        for (String[] p : pending) {
            notCopied.add(p[0] + ": " + errors.get(p[0]));
        }
    }

    /** Runs {@code sql} on the embedded server; a failure is noted under {@code what} (if given). */
    private boolean tryDst(String sql, String what) throws Cancelled {
        checkCancelled();
        try (Statement s = dst.createStatement()) {
            s.execute(sql);
            return true;
        } catch (SQLException e) {
            checkCancelled();
            if (what != null) {
                notCopied.add(what + ": " + SeedLoader.message(e));
            }
            return false;
        }
    }

    private String literal(String value) {
        String v = value.replace("'", "''");
        return "'" + (standardStrings ? v : v.replace("\\", "\\\\")) + "'";
    }

    private void checkCancelled() throws Cancelled {
        if (cancellation.isCancelled()) {
            throw new Cancelled("cancelled while cloning");
        }
    }

    private static String schemaFilter(String alias) {
        return alias + ".nspname NOT IN ('pg_catalog', 'information_schema') AND " + alias + ".nspname NOT LIKE "
                + "'pg\\_toast%' AND " + alias + ".nspname NOT LIKE 'pg\\_temp\\_%' AND NOT EXISTS (SELECT 1 FROM "
                + "pg_depend ed WHERE ed.classid = 'pg_namespace'::regclass AND ed.objid = " + alias + ".oid AND "
                + "ed.deptype = 'e')";
    }

    private static String notExtension(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_depend xd WHERE xd.classid = '" + catalog + "'::regclass AND xd.objid = "
                + oid + " AND xd.deptype = 'e')";
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        for (String[] r : rows(c, sql)) {
            out.add(r[0]);
        }
        return out;
    }

    private static List<String[]> rows(Connection c, String sql) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getString(i + 1);
                }
                out.add(row);
            }
        }
        return out;
    }

    private static void cancelQuery(PGConnection c) {
        try {
            c.cancelQuery();
        } catch (SQLException ignored) {
            // nothing running
        }
    }
}

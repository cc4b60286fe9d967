package dev.redline.core.rules;

import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.parse.QName;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What happened earlier in the current migration, for rules that look across statements: tables it created,
 * columns and tables it dropped (and on which line), and whether it set a lock timeout.
 */
public final class MigrationState {

    /** Tables created in this migration, by qualified name; unqualified references match on the bare name. */
    private final Set<String> createdTables = new HashSet<>();
    private final Set<String> createdBareNames = new HashSet<>();
    private final Set<String> unqualifiedCreated = new HashSet<>();
    private final Map<String, Integer> droppedTables = new HashMap<>();
    private final Set<String> createdSchemas = new HashSet<>();
    /** Columns this migration dropped and added, per table, in order, for spotting renames done as drop + add. */
    private final Map<String, java.util.List<ColumnEvent>> droppedColumnEvents = new HashMap<>();
    private final Map<String, java.util.List<ColumnEvent>> addedColumnEvents = new HashMap<>();
    /** Line of the latest UPDATE of each table in this migration (a copy between add and drop). */
    private final Map<String, Integer> lastUpdateLine = new HashMap<>();

    /** A column dropped or added by this migration, with its type when known. */
    public record ColumnEvent(String column, dev.redline.core.parse.TypeName type, int line) {
    }

    public java.util.List<ColumnEvent> droppedColumns(String qualifiedTable) {
        return droppedColumnEvents.getOrDefault(qualifiedTable, java.util.List.of());
    }

    public java.util.List<ColumnEvent> addedColumns(String qualifiedTable) {
        return addedColumnEvents.getOrDefault(qualifiedTable, java.util.List.of());
    }

    /** Line of the last UPDATE of the table in this migration, or 0. */
    public int lastUpdateLine(String qualifiedTable) {
        return lastUpdateLine.getOrDefault(qualifiedTable, 0);
    }
    private boolean lockTimeoutSet;
    private boolean lockTimeoutReported;
    private int secondOpinions;

    /** How many unparsed statements of one migration get JSqlParser's second opinion. */
    static final int MAX_SECOND_OPINIONS = 10;

    /**
     * Whether the table was created earlier in this migration. When either side is unqualified the bare names are
     * compared, because the search path (often a Flyway placeholder schema) decides where an unqualified name lives.
     */
    public boolean createdHere(QName table) {
        if (createdTables.contains(table.qualified())) {
            return true;
        }
        if (table.schema() == null) {
            return createdBareNames.contains(table.name());
        }
        return unqualifiedCreated.contains(table.name());
    }

    void tableCreated(QName table) {
        createdTables.add(table.qualified());
        createdBareNames.add(table.name());
        if (table.schema() == null) {
            unqualifiedCreated.add(table.name());
        }
        droppedTables.remove(table.qualified());
    }

    void tableRenamed(QName from, QName to) {
        if (createdHere(from)) {
            createdTables.remove(from.qualified());
            tableCreated(to);
        }
    }

    void tableDropped(QName table, int line) {
        createdTables.remove(table.qualified());
        droppedTables.put(table.qualified(), line);
    }

    /** Line where this migration last dropped the column, or {@code null}. */
    public Integer droppedColumnLine(String qualifiedTable, String column) {
        Integer line = null;
        for (ColumnEvent d : droppedColumns(qualifiedTable)) {
            if (d.column().equals(column)) {
                line = d.line();
            }
        }
        return line;
    }

    public boolean schemaCreatedHere(String schema) {
        return createdSchemas.contains(schema);
    }

    public Integer droppedTableLine(String qualifiedTable) {
        return droppedTables.get(qualifiedTable);
    }

    private static final Pattern ZERO = Pattern.compile("0+(\\.0*)?\\s*(us|ms|s|min|h|d)?");

    /** {@code 0}, {@code '0s'}, {@code 0ms}, DEFAULT or nothing: no timeout at all. */
    static boolean isZeroOrDefault(String value) {
        String v = value == null ? "" : value.trim().replace("'", "").toLowerCase(java.util.Locale.ROOT);
        return v.isEmpty() || v.equals("default") || ZERO.matcher(v).matches();
    }

    public boolean lockTimeoutSet() {
        return lockTimeoutSet;
    }

    void lockTimeoutSet(boolean set) {
        this.lockTimeoutSet = set;
    }

    /** Whether another second opinion may be asked for in this migration (and counts it). */
    public boolean takeSecondOpinion() {
        return secondOpinions++ < MAX_SECOND_OPINIONS;
    }

    public boolean lockTimeoutReported() {
        return lockTimeoutReported;
    }

    public void markLockTimeoutReported() {
        this.lockTimeoutReported = true;
    }

    /**
     * Records what a statement did, after the rules have seen it. {@code schemaBefore} is the schema before the
     * statement: {@code CREATE TABLE IF NOT EXISTS} of a table an earlier migration made creates nothing.
     *
     * @param trustSchema whether the migrations before this one ran in a known order (a recognised tool), so a table
     *                    the schema model holds really exists; a plain folder's order is only a guess
     */
    public void after(ParsedStatement parsed, int line, dev.redline.core.schema.SchemaModel schemaBefore,
                      boolean trustSchema) {
        if (parsed instanceof ParsedStatement.CreateTable ct) {
            if (!(ct.ifNotExists() && trustSchema && schemaBefore.table(ct.name()) != null
                    && !createdHere(ct.name()))) {
                tableCreated(ct.name());
            }
        } else if (parsed instanceof ParsedStatement.CreateObject co && co.name() != null
                && co.objectType().equals("SCHEMA")) {
            createdSchemas.add(co.name().name());
        } else if (parsed instanceof ParsedStatement.CreateObject co && co.name() != null
                && co.objectType().equals("MATERIALIZED VIEW")) {
            tableCreated(co.name()); // a fresh materialized view has no readers yet either
        } else if (parsed instanceof ParsedStatement.Drop d && d.objectType().equals("TABLE")) {
            d.names().forEach(n -> tableDropped(n, line));
        } else if (parsed instanceof ParsedStatement.AlterTable at) {
            String table = at.table().qualified();
            for (AlterAction a : at.actions()) {
                if (a instanceof AlterAction.AddColumn ac) {
                    addedColumnEvents.computeIfAbsent(table, k -> new java.util.ArrayList<>())
                            .add(new ColumnEvent(ac.column().name(), ac.column().type(), line));
                }
                if (a instanceof AlterAction.DropColumn dc) {
                    dev.redline.core.schema.TableInfo info = schemaBefore.table(at.table());
                    dev.redline.core.schema.ColumnInfo old = info == null ? null : info.column(dc.column());
                    droppedColumnEvents.computeIfAbsent(table, k -> new java.util.ArrayList<>())
                            .add(new ColumnEvent(dc.column(), old == null ? null : old.type(), line));
                } else if (a instanceof AlterAction.RenameTable rt && rt.to() != null) {
                    tableRenamed(at.table(), new QName(at.table().schema(), rt.to()));
                }
            }
        } else if (parsed instanceof ParsedStatement.Dml dml) {
            for (ParsedStatement.DataChange ch : dml.changes()) {
                if (ch.verb().equals("UPDATE") && ch.table() != null) {
                    lastUpdateLine.put(ch.table().qualified(), line);
                }
            }
        } else if (parsed instanceof ParsedStatement.SetParameter sp && "lock_timeout".equals(sp.name())) {
            lockTimeoutSet(!isZeroOrDefault(sp.value()));
        }
    }
}

package dev.redline.core.schema;

import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ColumnDef;
import dev.redline.core.parse.ConstraintDef;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.parse.QName;

/**
 * The schema as the migrations before the current statement built it: tables, their columns and types, the
 * {@code CHECK (col IS NOT NULL)} constraints that let SET NOT NULL skip its scan, and which table each index belongs
 * to. Replayed statement by statement, in apply order. Anything created outside the migrations is simply unknown,
 * never assumed absent.
 */
public final class SchemaModel {

    private final LayeredMap<TableInfo> tables;
    private final LayeredMap<String> indexTable;

    public SchemaModel() {
        this(null);
    }

    private SchemaModel(SchemaModel parent) {
        this.tables = new LayeredMap<>(parent == null ? null : parent.tables);
        this.indexTable = new LayeredMap<>(parent == null ? null : parent.indexTable);
    }

    /**
     * A copy for a what-if, such as a down script judged against the schema its up script produced. It shares this
     * model's tables until it changes one, so it is cheap; this model must not change while the copy is in use.
     */
    public SchemaModel copy() {
        return new SchemaModel(this);
    }

    public TableInfo table(QName name) {
        return name == null ? null : tables.get(name.qualified());
    }

    /** The table for changing: a fork takes its own copy of a parent's table first. */
    private TableInfo mutableTable(String key) {
        TableInfo t = tables.get(key);
        if (t != null && !tables.ownsKey(key)) {
            t = t.copy();
            tables.put(key, t);
        }
        return t;
    }

    public int tableCount() {
        return tables.size();
    }

    /** The table an index was created on, when the migrations created it. */
    public QName tableOfIndex(QName index) {
        String t = index == null ? null : indexTable.get(index.qualified());
        if (t == null) {
            return null;
        }
        TableInfo info = tables.get(t);
        return info == null ? null : info.name();
    }

    /** Applies what a statement does to the schema. */
    public void apply(ParsedStatement statement) {
        if (statement instanceof ParsedStatement.CreateTable ct) {
            if (ct.ifNotExists() && tables.containsKey(ct.name().qualified())) {
                return;
            }
            TableInfo t = new TableInfo(ct.name());
            for (ColumnDef c : ct.columns()) {
                t.columns().put(c.name(), new ColumnInfo(c.name(), c.type(), c.notNull() || c.primaryKey()));
            }
            for (ConstraintDef c : ct.constraints()) {
                if (c.notNullCheckColumn() != null) {
                    t.notNullCheckAdded(c.name(), c.notNullCheckColumn(), true);
                }
            }
            tables.put(ct.name().qualified(), t);
        } else if (statement instanceof ParsedStatement.AlterTable at) {
            applyAlter(at);
        } else if (statement instanceof ParsedStatement.Drop d) {
            if (d.objectType().equals("TABLE") || d.objectType().equals("FOREIGN TABLE")) {
                d.names().forEach(n -> tables.remove(n.qualified()));
            } else if (d.objectType().equals("INDEX")) {
                d.names().forEach(n -> indexTable.remove(n.qualified()));
            }
        } else if (statement instanceof ParsedStatement.CreateIndex ci) {
            if (ci.index() != null) {
                indexTable.put(ci.index().qualified(), ci.table().qualified());
            }
        } else if (statement instanceof ParsedStatement.AlterObject ao) {
            if (ao.objectType().equals("INDEX") && ao.action().equals("RENAME") && ao.newName() != null
                    && ao.name() != null) {
                String t = indexTable.remove(ao.name().qualified());
                if (t != null) {
                    indexTable.put(new QName(ao.name().schema(), ao.newName()).qualified(), t);
                }
            }
        }
    }

    private void applyAlter(ParsedStatement.AlterTable at) {
        TableInfo t = mutableTable(at.table().qualified());
        for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.RenameTable r && r.to() != null) {
                if (t != null) {
                    tables.remove(t.name().qualified());
                    QName renamed = new QName(at.table().schema(), r.to());
                    t.rename(renamed);
                    tables.put(renamed.qualified(), t);
                }
                continue;
            }
            if (t == null) {
                continue;
            }
            applyAction(t, a);
        }
    }

    private static void applyAction(TableInfo t, AlterAction a) {
        if (a instanceof AlterAction.AddColumn ac) {
            ColumnDef c = ac.column();
            if (!(ac.ifNotExists() && t.columns().containsKey(c.name()))) {
                t.columns().put(c.name(), new ColumnInfo(c.name(), c.type(), c.notNull() || c.primaryKey()));
            }
        } else if (a instanceof AlterAction.DropColumn dc) {
            t.columns().remove(dc.column());
        } else if (a instanceof AlterAction.AlterColumnType act) {
            ColumnInfo old = t.column(act.column());
            t.columns().put(act.column(), new ColumnInfo(act.column(), act.type(), old != null && old.notNull()));
        } else if (a instanceof AlterAction.SetNotNull sn) {
            ColumnInfo old = t.column(sn.column());
            if (old != null) {
                t.columns().put(sn.column(), new ColumnInfo(old.name(), old.type(), true));
            }
        } else if (a instanceof AlterAction.DropNotNull dn) {
            ColumnInfo old = t.column(dn.column());
            if (old != null) {
                t.columns().put(dn.column(), new ColumnInfo(old.name(), old.type(), false));
            }
        } else if (a instanceof AlterAction.RenameColumn rc) {
            ColumnInfo old = t.columns().remove(rc.from());
            if (rc.to() != null) {
                t.columns().put(rc.to(), old == null ? new ColumnInfo(rc.to(), null, false)
                        : new ColumnInfo(rc.to(), old.type(), old.notNull()));
            }
        } else if (a instanceof AlterAction.AddConstraint ac) {
            ConstraintDef c = ac.constraint();
            if (c.notNullCheckColumn() != null) {
                t.notNullCheckAdded(c.name(), c.notNullCheckColumn(), !c.notValid());
            }
        } else if (a instanceof AlterAction.ValidateConstraint vc) {
            t.constraintValidated(vc.name());
        } else if (a instanceof AlterAction.DropConstraint dc) {
            t.constraintDropped(dc.name());
        }
    }
}

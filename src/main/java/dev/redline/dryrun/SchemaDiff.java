package dev.redline.dryrun;

import dev.redline.dryrun.DryRunReport.SchemaChange;
import dev.redline.dryrun.SchemaSnapshot.TableObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The schema changes between two {@link SchemaSnapshot}s, tables first, then columns, constraints and indexes. */
final class SchemaDiff {

    private SchemaDiff() {
    }

    static List<SchemaChange> between(SchemaSnapshot before, SchemaSnapshot after) {
        List<SchemaChange> out = new ArrayList<>();
        Map<String, String> renamed = new LinkedHashMap<>();
        for (SchemaSnapshot.Table old : before.tables().values()) {
            SchemaSnapshot.Table now = after.tables().get(old.oid());
            if (now != null && !now.name().equals(old.name())) {
                renamed.put(old.name(), now.name());
            }
        }
        for (SchemaSnapshot.Table old : before.tables().values()) {
            SchemaSnapshot.Table now = after.tables().get(old.oid());
            if (now == null) {
                out.add(new SchemaChange("table-dropped", old.name(), null, null, null, null));
                continue;
            }
            if (!now.name().equals(old.name())) {
                out.add(new SchemaChange("table-renamed", now.name(), null, null, old.name(), now.name()));
            }
            columns(old, now, out);
        }
        for (SchemaSnapshot.Table now : after.tables().values()) {
            if (!before.tables().containsKey(now.oid())) {
                out.add(new SchemaChange("table-created", now.name(), null, null, null, null));
            }
        }
        objects(before.constraints(), after.constraints(), before, after, "constraint-added", "constraint-dropped",
                "constraint-altered", renamed, out);
        objects(before.indexes(), after.indexes(), before, after, "index-created", "index-dropped", "index-altered",
                renamed, out);
        return List.copyOf(out);
    }

    private static void columns(SchemaSnapshot.Table old, SchemaSnapshot.Table now, List<SchemaChange> out) {
        String table = now.name();
        for (SchemaSnapshot.Column was : old.columns().values()) {
            SchemaSnapshot.Column is = now.columns().get(was.number());
            if (is == null) {
                out.add(new SchemaChange("column-dropped", table, was.name(), null, was.type(), null));
                continue;
            }
            if (!is.name().equals(was.name())) {
                out.add(new SchemaChange("column-renamed", table, is.name(), null, was.name(), is.name()));
            }
            if (!is.type().equals(was.type())) {
                out.add(new SchemaChange("column-type-changed", table, is.name(), null, was.type(), is.type()));
            }
            if (is.notNull() != was.notNull()) {
                out.add(new SchemaChange("column-nullability-changed", table, is.name(), null,
                        was.notNull() ? "NOT NULL" : "NULL", is.notNull() ? "NOT NULL" : "NULL"));
            }
            if (!Objects.equals(is.defaultExpression(), was.defaultExpression())) {
                out.add(new SchemaChange("column-default-changed", table, is.name(), null, was.defaultExpression(),
                        is.defaultExpression()));
            }
        }
        for (SchemaSnapshot.Column is : now.columns().values()) {
            if (!old.columns().containsKey(is.number())) {
                out.add(new SchemaChange("column-added", table, is.name(), null, null, is.type()));
            }
        }
    }

    /**
     * Constraints and indexes, matched by OID so a rename shows as altered. An object dropped and re-created under
     * the same name on the same table (ALTER COLUMN TYPE rebuilds indexes) counts as altered, or as nothing when
     * its definition is the same; those of a table created or dropped as a whole are not listed one by one.
     */
    private static void objects(Map<Long, TableObject> before, Map<Long, TableObject> after, SchemaSnapshot sb,
                                SchemaSnapshot sa, String added, String dropped, String altered,
                                Map<String, String> renamed, List<SchemaChange> out) {
        List<TableObject> gone = new ArrayList<>();
        List<TableObject> fresh = new ArrayList<>();
        for (Map.Entry<Long, TableObject> e : before.entrySet()) {
            TableObject was = e.getValue();
            TableObject now = after.get(e.getKey());
            if (now == null) {
                if (sa.tables().containsKey(was.table())) {
                    gone.add(was);
                }
            } else if (!now.name().equals(was.name())
                    || !now.definition().equals(afterRenames(was.definition(), renamed))) {
                out.add(new SchemaChange(altered, tableOf(now, sa), null, now.name(), describe(was), describe(now)));
            }
        }
        for (Map.Entry<Long, TableObject> e : after.entrySet()) {
            if (!before.containsKey(e.getKey()) && sb.tables().containsKey(e.getValue().table())) {
                fresh.add(e.getValue());
            }
        }
        for (TableObject was : gone) {
            TableObject twin = fresh.stream().filter(f -> f.table() == was.table() && f.name().equals(was.name()))
                    .findFirst().orElse(null);
            if (twin == null) {
                out.add(new SchemaChange(dropped, tableOf(was, sb), null, was.name(), was.definition(), null));
                continue;
            }
            fresh.remove(twin);
            if (!twin.definition().equals(was.definition())) {
                out.add(new SchemaChange(altered, tableOf(twin, sa), null, twin.name(), describe(was),
                        describe(twin)));
            }
        }
        for (TableObject is : fresh) {
            out.add(new SchemaChange(added, tableOf(is, sa), null, is.name(), null, is.definition()));
        }
    }

    /** A definition with the tables renamed in the same migration under their new names (qualified and bare). */
    private static String afterRenames(String definition, Map<String, String> renamed) {
        String d = definition;
        for (Map.Entry<String, String> r : renamed.entrySet()) {
            d = d.replace(r.getKey(), r.getValue());
            String oldBare = r.getKey().substring(r.getKey().indexOf('.') + 1);
            String newBare = r.getValue().substring(r.getValue().indexOf('.') + 1);
            d = d.replaceAll("(?<![\\w.\"])" + Pattern.quote(oldBare) + "(?=\\()", Matcher.quoteReplacement(newBare));
        }
        return d;
    }

    private static String tableOf(TableObject o, SchemaSnapshot s) {
        SchemaSnapshot.Table t = s.tables().get(o.table());
        return t == null ? null : t.name();
    }

    private static String describe(TableObject o) {
        return o.name() + ": " + o.definition();
    }
}

package dev.redline.dryrun;

import dev.redline.dryrun.DryRunReport.SchemaChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The schema changes between two {@link SchemaSnapshot}s, tables first, then columns, constraints and indexes. */
final class SchemaDiff {

    private SchemaDiff() {
    }

    static List<SchemaChange> between(SchemaSnapshot before, SchemaSnapshot after) {
        List<SchemaChange> out = new ArrayList<>();
        Map<String, String> renamed = new java.util.LinkedHashMap<>();
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
    private static <T> void objects(Map<Long, T> before, Map<Long, T> after, SchemaSnapshot sb, SchemaSnapshot sa,
                                    String added, String dropped, String altered, Map<String, String> renamed,
                                    List<SchemaChange> out) {
        List<T> gone = new ArrayList<>();
        List<T> fresh = new ArrayList<>();
        for (Map.Entry<Long, T> e : before.entrySet()) {
            T now = after.get(e.getKey());
            if (now == null) {
                if (sa.tables().containsKey(ownerOf(e.getValue()))) {
                    gone.add(e.getValue());
                }
            } else if (!nameOf(now).equals(nameOf(e.getValue()))
                    || !definitionOf(now).equals(afterRenames(definitionOf(e.getValue()), renamed))) {
                out.add(new SchemaChange(altered, tableOf(now, sa), null, nameOf(now), describe(e.getValue()),
                        describe(now)));
            }
        }
        for (Map.Entry<Long, T> e : after.entrySet()) {
            if (!before.containsKey(e.getKey()) && sb.tables().containsKey(ownerOf(e.getValue()))) {
                fresh.add(e.getValue());
            }
        }
        for (T was : gone) {
            T twin = fresh.stream().filter(f -> ownerOf(f) == ownerOf(was) && nameOf(f).equals(nameOf(was)))
                    .findFirst().orElse(null);
            if (twin == null) {
                out.add(new SchemaChange(dropped, tableOf(was, sb), null, nameOf(was), definitionOf(was), null));
                continue;
            }
            fresh.remove(twin);
            if (!definitionOf(twin).equals(definitionOf(was))) {
                out.add(new SchemaChange(altered, tableOf(twin, sa), null, nameOf(twin), describe(was),
                        describe(twin)));
            }
        }
        for (T is : fresh) {
            out.add(new SchemaChange(added, tableOf(is, sa), null, nameOf(is), null, definitionOf(is)));
        }
    }

    /** A definition with the tables renamed in the same migration under their new names (qualified and bare). */
    private static String afterRenames(String definition, Map<String, String> renamed) {
        String d = definition;
        for (Map.Entry<String, String> r : renamed.entrySet()) {
            d = d.replace(r.getKey(), r.getValue());
            String oldBare = r.getKey().substring(r.getKey().indexOf('.') + 1);
            String newBare = r.getValue().substring(r.getValue().indexOf('.') + 1);
            d = d.replaceAll("(?<![\\w.\"])" + java.util.regex.Pattern.quote(oldBare) + "(?=\\()",
                    java.util.regex.Matcher.quoteReplacement(newBare));
        }
        return d;
    }

    private static long ownerOf(Object o) {
        return o instanceof SchemaSnapshot.Constraint k ? k.table() : ((SchemaSnapshot.Index) o).table();
    }

    private static String tableOf(Object o, SchemaSnapshot s) {
        SchemaSnapshot.Table t = s.tables().get(ownerOf(o));
        return t == null ? null : t.name();
    }

    private static String nameOf(Object o) {
        return o instanceof SchemaSnapshot.Constraint k ? k.name() : ((SchemaSnapshot.Index) o).name();
    }

    private static String definitionOf(Object o) {
        return o instanceof SchemaSnapshot.Constraint k ? k.definition() : ((SchemaSnapshot.Index) o).definition();
    }

    private static String describe(Object o) {
        return nameOf(o) + ": " + definitionOf(o);
    }
}

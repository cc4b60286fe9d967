package dev.redline.core.rules;

import dev.redline.core.parse.TypeName;
import java.util.List;

/**
 * What changing a column from one type to another does to the values and the table, following PostgreSQL's
 * binary-coercion rules: widening a varchar or dropping its limit is free, shrinking it scans and rewrites, and most
 * other changes rewrite the table under an ACCESS EXCLUSIVE lock.
 *
 * @param narrows  {@code TRUE} values may be cut, rounded or rejected; {@code FALSE} every value fits; {@code null}
 *                 when the old type is unknown
 * @param rewrites {@code TRUE} the table (and its indexes) is rewritten; {@code null} when it cannot be told
 */
public record TypeChange(TypeName from, TypeName to, Boolean narrows, Boolean rewrites, String explanation) {

    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

    public static TypeChange of(TypeName from, TypeName to, String using) {
        if (from == null) {
            return new TypeChange(null, to, null, using != null ? Boolean.TRUE : null,
                    "the old type is not known from the migrations, so whether values fit cannot be told");
        }
        String f = from.base();
        String t = to.base();
        if (from.array() != to.array()) {
            return new TypeChange(from, to, Boolean.TRUE, Boolean.TRUE, "changes between array and scalar");
        }
        if (f.equals(t) && from.modifiers().equals(to.modifiers())) {
            return new TypeChange(from, to, Boolean.FALSE, using != null, "the type stays the same");
        }
        boolean textLike = f.equals("text") || f.equals("varchar") && from.modifiers().isEmpty();
        if (t.equals("varchar") || t.equals("char")) {
            Integer newLen = to.length();
            if (t.equals("varchar") && newLen == null && (textLike || f.equals("varchar"))) {
                return cheap(from, to, using, "dropping the length limit keeps every value");
            }
            if (textLike && newLen != null) {
                return new TypeChange(from, to, Boolean.TRUE, Boolean.TRUE, "values longer than " + newLen
                        + " characters are rejected (or cut by an explicit cast), and every row is checked");
            }
            if ((f.equals("varchar") || f.equals("char")) && from.length() != null && newLen != null) {
                if (newLen < from.length()) {
                    return new TypeChange(from, to, Boolean.TRUE, Boolean.TRUE, "the limit shrinks from "
                            + from.length() + " to " + newLen + " characters: longer values are rejected or cut");
                }
                if (f.equals("varchar") && t.equals("varchar")) {
                    return cheap(from, to, using, "the limit grows from " + from.length() + " to " + newLen);
                }
                if (f.equals("char") && t.equals("char")) {
                    return new TypeChange(from, to, Boolean.FALSE, Boolean.TRUE, "char values are stored padded, so "
                            + "every row is padded again to " + newLen);
                }
            }
        }
        if (t.equals("text") && (f.equals("varchar") || f.equals("text"))) {
            return cheap(from, to, using, "text holds every varchar value");
        }
        if (f.equals("numeric") && t.equals("numeric")) {
            return numeric(from, to, using);
        }
        if (INTEGERS.contains(f) && INTEGERS.contains(t)) {
            boolean narrower = INTEGERS.indexOf(t) < INTEGERS.indexOf(f);
            return new TypeChange(from, to, narrower, Boolean.TRUE, narrower
                    ? "values outside the " + t + " range are rejected" : "every " + f + " fits in " + t);
        }
        if (f.equals("timestamp") && t.equals("timestamptz") || f.equals("timestamptz") && t.equals("timestamp")) {
            return new TypeChange(from, to, Boolean.FALSE, Boolean.TRUE,
                    "values are reinterpreted in the session time zone (no rewrite only when it is UTC, PG 12+)");
        }
        if ((f.equals("double precision") || f.equals("real") || f.equals("numeric")) && INTEGERS.contains(t)) {
            return new TypeChange(from, to, Boolean.TRUE, Boolean.TRUE, "fractions are rounded away");
        }
        if (f.equals("double precision") && t.equals("real")) {
            return new TypeChange(from, to, Boolean.TRUE, Boolean.TRUE, "precision is lost");
        }
        if (t.equals("text") || t.equals("varchar") && to.length() == null) {
            return new TypeChange(from, to, Boolean.FALSE, Boolean.TRUE, "every value is converted to text");
        }
        return new TypeChange(from, to, null, Boolean.TRUE,
                "every value is converted; the change fails if any value does not convert");
    }

    private static TypeChange cheap(TypeName from, TypeName to, String using, String why) {
        return new TypeChange(from, to, Boolean.FALSE, using != null, why);
    }

    private static TypeChange numeric(TypeName from, TypeName to, String using) {
        List<Integer> fm = from.modifiers();
        List<Integer> tm = to.modifiers();
        if (tm.isEmpty()) {
            return cheap(from, to, using, "unconstrained numeric holds every value");
        }
        if (fm.isEmpty()) {
            return new TypeChange(from, to, Boolean.TRUE, Boolean.TRUE, "values are limited to precision "
                    + tm.get(0) + (tm.size() > 1 ? " and rounded to scale " + tm.get(1) : ""));
        }
        int fp = fm.get(0);
        int fs = fm.size() > 1 ? fm.get(1) : 0;
        int tp = tm.get(0);
        int ts = tm.size() > 1 ? tm.get(1) : 0;
        if (ts < fs) {
            return new TypeChange(from, to, Boolean.TRUE, Boolean.TRUE, "scale drops from " + fs + " to " + ts
                    + ": values are rounded");
        }
        if (tp - ts < fp - fs) {
            return new TypeChange(from, to, Boolean.TRUE, Boolean.TRUE, "fewer integer digits: large values are "
                    + "rejected");
        }
        if (ts == fs) {
            return cheap(from, to, using, "precision grows at the same scale");
        }
        return new TypeChange(from, to, Boolean.FALSE, Boolean.TRUE, "scale grows: values are rewritten");
    }

    /** A short phrase for messages: "narrows values, rewrites the table". */
    public String verdict() {
        String n = narrows == null ? "may narrow values" : narrows ? "narrows values" : "keeps every value";
        String r = rewrites == null ? "may rewrite the table" : rewrites ? "rewrites the table"
                : "does not rewrite the table";
        return n + ", " + r;
    }
}

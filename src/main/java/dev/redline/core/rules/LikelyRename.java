package dev.redline.core.rules;

import dev.redline.core.parse.TypeName;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a dropped column and an added one look like one column renamed: names that match once case and
 * underscores are ignored or where one contains the other (phone → phone_number, name → fullName), and types of the
 * same family. A coding agent asked to rename a column often writes exactly this drop + add.
 */
final class LikelyRename {

    private static final Set<String> TEXT = Set.of("text", "varchar", "char", "citext", "name");
    private static final Set<String> NUMBER = Set.of("smallint", "integer", "bigint", "numeric", "real",
            "double precision", "money");
    private static final Set<String> TIME = Set.of("timestamp", "timestamptz", "date", "time", "timetz");
    private static final Set<String> JSON = Set.of("json", "jsonb");

    private LikelyRename() {
    }

    static boolean of(String dropped, TypeName droppedType, String added, TypeName addedType) {
        String a = normalise(dropped);
        String b = normalise(added);
        if (a.equals(b) || a.length() < 3 || b.length() < 3) {
            return a.equals(b) && !dropped.equals(added);
        }
        boolean similar = a.contains(b) || b.contains(a);
        return similar && sameFamily(droppedType, addedType);
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    private static boolean sameFamily(TypeName x, TypeName y) {
        if (x == null || y == null) {
            return true; // the old type is not known from the migrations: the names decide
        }
        if (x.array() != y.array()) {
            return false;
        }
        String f = x.base();
        String g = y.base();
        return f.equals(g) || TEXT.contains(f) && TEXT.contains(g) || NUMBER.contains(f) && NUMBER.contains(g)
                || TIME.contains(f) && TIME.contains(g) || JSON.contains(f) && JSON.contains(g);
    }
}

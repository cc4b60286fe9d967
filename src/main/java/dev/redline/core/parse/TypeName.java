package dev.redline.core.parse;

import java.util.List;
import java.util.Locale;

/**
 * A column type reduced to what matters for deciding whether a change narrows values or rewrites the table:
 * a canonical base name, its modifiers (length, precision, scale) and whether it is an array.
 */
public record TypeName(String base, List<Integer> modifiers, boolean array, String written) {

    public static TypeName of(String written, List<Integer> modifiers, boolean array) {
        return new TypeName(canonical(written), List.copyOf(modifiers), array, written);
    }

    /** Canonical base names for PostgreSQL's synonyms. */
    static String canonical(String raw) {
        String t = collapseSpaces(raw.toLowerCase(Locale.ROOT));
        if (t.startsWith("pg_catalog.")) {
            t = t.substring("pg_catalog.".length());
        }
        return switch (t) {
            case "int", "int4", "integer", "serial", "serial4" -> "integer";
            case "int8", "bigint", "bigserial", "serial8" -> "bigint";
            case "int2", "smallint", "smallserial", "serial2" -> "smallint";
            case "varchar", "character varying", "char varying" -> "varchar";
            case "char", "character", "bpchar", "nchar", "national character" -> "char";
            case "decimal", "numeric" -> "numeric";
            case "float8", "double precision", "float" -> "double precision";
            case "float4", "real" -> "real";
            case "bool", "boolean" -> "boolean";
            case "timestamp", "timestamp without time zone" -> "timestamp";
            case "timestamptz", "timestamp with time zone" -> "timestamptz";
            case "time", "time without time zone" -> "time";
            case "timetz", "time with time zone" -> "timetz";
            case "varbit", "bit varying" -> "varbit";
            default -> t;
        };
    }

    /** Trims and folds runs of white space to one space, without a regex (this runs for every column). */
    private static String collapseSpaces(String s) {
        StringBuilder sb = null;
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (sb == null) {
                    sb = new StringBuilder(s.length()).append(s, 0, i);
                }
                space = true;
            } else {
                if (sb != null) {
                    if (space && sb.length() > 0) {
                        sb.append(' ');
                    }
                    sb.append(c);
                }
                space = false;
            }
        }
        return sb == null ? s : sb.toString();
    }

    public Integer length() {
        return modifiers.isEmpty() ? null : modifiers.get(0);
    }

    public boolean isSerial() {
        String w = written.toLowerCase(Locale.ROOT);
        return w.endsWith("serial") || w.endsWith("serial2") || w.endsWith("serial4") || w.endsWith("serial8");
    }

    /** How PostgreSQL would print it, roughly: {@code varchar(255)}, {@code numeric(10,2)}, {@code text[]}. */
    public String display() {
        StringBuilder sb = new StringBuilder(base);
        if (!modifiers.isEmpty()) {
            sb.append('(');
            for (int i = 0; i < modifiers.size(); i++) {
                sb.append(i > 0 ? "," : "").append(modifiers.get(i));
            }
            sb.append(')');
        }
        if (array) {
            sb.append("[]");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return display();
    }
}

package dev.redline.dryrun;

import java.math.BigInteger;
import java.util.Comparator;

/** Orders of migration keys: by numeric value of their digit runs (versions, timestamps), or as plain text. */
final class VersionOrder {

    /** Dotted numeric versions (Flyway's {@code 1.2.10}) and plain numbers (goose, golang-migrate timestamps). */
    static final Comparator<String> NUMERIC = VersionOrder::compareNumeric;

    private VersionOrder() {
    }

    static int compareNumeric(String a, String b) {
        String[] x = a.split("[._-]");
        String[] y = b.split("[._-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            BigInteger p = i < x.length ? number(x[i]) : BigInteger.ZERO;
            BigInteger q = i < y.length ? number(y[i]) : BigInteger.ZERO;
            int c = p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** A dotted version with leading zeros and trailing {@code .0} parts removed: {@code 1.01.0} → {@code 1.1}. */
    static String normalizeDotted(String version) {
        String[] parts = version.split("\\.");
        int last = parts.length - 1;
        while (last > 0 && number(parts[last]).signum() == 0) {
            last--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            sb.append(i > 0 ? "." : "").append(number(parts[i]));
        }
        return sb.toString();
    }

    /** Only the digits of {@code s}: diesel's {@code 2019-02-26-002946} → {@code 20190226002946}. */
    static String digits(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch >= '0' && ch <= '9') {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static BigInteger number(String s) {
        String d = digits(s);
        return d.isEmpty() ? BigInteger.ZERO : new BigInteger(d);
    }
}

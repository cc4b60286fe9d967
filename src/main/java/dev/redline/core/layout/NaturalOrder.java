package dev.redline.core.layout;

import java.util.Comparator;

/**
 * Orders names the way people read them: runs of digits compare by value, so {@code 2_x.sql} comes before
 * {@code 10_x.sql}. Ties are broken by plain string order, so distinct names never compare equal.
 */
final class NaturalOrder implements Comparator<String> {

    static final NaturalOrder NAMES = new NaturalOrder();

    /** Compares {@code /}-separated paths folder by folder, so a folder's files stay together. */
    static final Comparator<String> PATHS = new Comparator<>() {
        @Override
        public int compare(String a, String b) {
            return comparePaths(a, b);
        }
    };

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        return compare(a, 0, a.length(), b, 0, b.length());
    }

    private static int comparePaths(String a, String b) {
        int na = segments(a);
        int nb = segments(b);
        int ia = 0;
        int ib = 0;
        for (int k = 0; k < Math.min(na, nb); k++) {
            int ea = segmentEnd(a, ia);
            int eb = segmentEnd(b, ib);
            int c = compare(a, ia, ea, b, ib, eb);
            if (c != 0) {
                return c;
            }
            ia = ea + 1;
            ib = eb + 1;
        }
        return Integer.compare(na, nb);
    }

    private static int segments(String path) {
        if (path.isEmpty()) {
            return 0;
        }
        int n = 1;
        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
            n++;
        }
        return n;
    }

    private static int segmentEnd(String path, int from) {
        int end = path.indexOf('/', from);
        return end < 0 ? path.length() : end;
    }

    /** The natural order of {@code a[as, ae)} and {@code b[bs, be)}, ties broken by plain string order. */
    private static int compare(String a, int as, int ae, String b, int bs, int be) {
        int i = as;
        int j = bs;
        while (i < ae && j < be) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int ei = digitRunEnd(a, i, ae);
                int ej = digitRunEnd(b, j, be);
                int c = compareDigits(a, i, ei, b, j, ej);
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (c != 0) {
                    return c;
                }
                i++;
                j++;
            }
        }
        int rest = Integer.compare(ae - i, be - j);
        if (rest != 0) {
            return rest;
        }
        // Plain string order, as String.compareTo on the two ranges.
        int n = Math.min(ae - as, be - bs);
        for (int k = 0; k < n; k++) {
            char x = a.charAt(as + k);
            char y = b.charAt(bs + k);
            if (x != y) {
                return x - y;
            }
        }
        return (ae - as) - (be - bs);
    }

    /** Two runs of ASCII digits by numeric value ({@code 007} equals {@code 7}), as {@link Digits#compare}. */
    private static int compareDigits(String a, int as, int ae, String b, int bs, int be) {
        while (as < ae - 1 && a.charAt(as) == '0') {
            as++;
        }
        while (bs < be - 1 && b.charAt(bs) == '0') {
            bs++;
        }
        if (ae - as != be - bs) {
            return Integer.compare(ae - as, be - bs);
        }
        for (int k = 0; k < ae - as; k++) {
            int c = Character.compare(a.charAt(as + k), b.charAt(bs + k));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitRunEnd(String s, int from, int to) {
        int k = from;
        while (k < to && isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }
}

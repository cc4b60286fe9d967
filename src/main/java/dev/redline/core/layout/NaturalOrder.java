package dev.redline.core.layout;

import java.util.Comparator;

/**
 * Orders names the way people read them: runs of digits compare by value, so {@code 2_x.sql} comes before
 * {@code 10_x.sql}. Ties are broken by plain string order, so distinct names never compare equal.
 */
final class NaturalOrder implements Comparator<String> {

    static final NaturalOrder NAMES = new NaturalOrder();

    /** Compares {@code /}-separated paths folder by folder, so a folder's files stay together. */
    static final Comparator<String> PATHS = (a, b) -> {
        String[] x = a.isEmpty() ? new String[0] : a.split("/", -1);
        String[] y = b.isEmpty() ? new String[0] : b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = NAMES.compare(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    };

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int ei = digitRunEnd(a, i);
                int ej = digitRunEnd(b, j);
                int c = Digits.compare(a.substring(i, ei), b.substring(j, ej));
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
        int rest = Integer.compare(a.length() - i, b.length() - j);
        return rest != 0 ? rest : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitRunEnd(String s, int from) {
        int k = from;
        while (k < s.length() && isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }
}

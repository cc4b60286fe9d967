package dev.redline.core.layout;

/**
 * Numeric helpers for version strings. Versions are compared as digit strings rather than parsed, because
 * timestamps such as popx's {@code 20210410175418000000} do not fit in a {@code long}.
 */
final class Digits {

    private Digits() {
    }

    /** Compares two strings of ASCII digits by numeric value ({@code "007"} equals {@code "7"} by value). */
    static int compare(String a, String b) {
        String x = stripZeros(a);
        String y = stripZeros(b);
        if (x.length() != y.length()) {
            return Integer.compare(x.length(), y.length());
        }
        return x.compareTo(y);
    }

    /** The run of ASCII digits at the start of {@code s}, or {@code null} when it does not start with one. */
    static String leading(String s) {
        int k = 0;
        while (k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
            k++;
        }
        return k == 0 ? null : s.substring(0, k);
    }

    /**
     * Orders optional numeric versions: present versions by value, missing ones last (a file a tool cannot
     * version still gets a stable place instead of being dropped).
     */
    static int compareNullable(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return compare(a, b);
    }

    private static String stripZeros(String s) {
        int k = 0;
        while (k < s.length() - 1 && s.charAt(k) == '0') {
            k++;
        }
        return s.substring(k);
    }
}

package dev.redline.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void numbersCompareByValue() {
        List<String> names = new ArrayList<>(List.of("10_x.sql", "2_x.sql", "1_x.sql", "0010-b.sql", "0002-a.sql"));
        names.sort(NaturalOrder.NAMES);
        assertEquals(List.of("1_x.sql", "0002-a.sql", "2_x.sql", "0010-b.sql", "10_x.sql"), names);
    }

    @Test
    void distinctNamesNeverCompareEqual() {
        assertNotEquals(0, NaturalOrder.NAMES.compare("007_a.sql", "7_a.sql"));
        assertNotEquals(0, NaturalOrder.NAMES.compare("A.sql", "a.sql"));
        assertEquals(0, NaturalOrder.NAMES.compare("a.sql", "a.sql"));
    }

    @Test
    void hugeTimestampsDoNotOverflow() {
        assertTrue(NaturalOrder.NAMES.compare("20210410175418000000_a", "9_b") > 0);
        assertTrue(Digits.compare("20210410175418000001", "20210410175418000000") > 0);
    }

    /**
     * The allocation-free comparators agree in sign with the plain definition (split on {@code /}, digit runs by
     * value, then case-insensitive characters, then string order) on random names built from the characters that
     * matter: digits with leading zeros, letters of both cases, separators.
     */
    @Test
    void agreesWithTheReferenceDefinitionOnRandomNames() {
        java.util.Random random = new java.util.Random(42);
        String alphabet = "0012789aAbB_-./";
        for (int n = 0; n < 20_000; n++) {
            String a = randomName(random, alphabet);
            String b = random.nextInt(4) == 0 ? a : randomName(random, alphabet);
            assertEquals(Integer.signum(referenceNames(a, b)), Integer.signum(NaturalOrder.NAMES.compare(a, b)),
                    () -> "names " + a + " vs " + b);
            assertEquals(Integer.signum(referencePaths(a, b)), Integer.signum(NaturalOrder.PATHS.compare(a, b)),
                    () -> "paths " + a + " vs " + b);
        }
    }

    private static String randomName(java.util.Random random, String alphabet) {
        StringBuilder s = new StringBuilder();
        int len = random.nextInt(9);
        for (int i = 0; i < len; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static int referencePaths(String a, String b) {
        String[] x = a.isEmpty() ? new String[0] : a.split("/", -1);
        String[] y = b.isEmpty() ? new String[0] : b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = referenceNames(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static int referenceNames(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = i;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                int ej = j;
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                int c = new java.math.BigInteger(a.substring(i, ei)).compareTo(new java.math.BigInteger(b.substring(j, ej)));
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

    @Test
    void pathsCompareFolderByFolder() {
        List<String> paths = new ArrayList<>(List.of("a-c/x.sql", "a/b.sql", "a/10.sql", "a/2.sql", "b.sql"));
        paths.sort(NaturalOrder.PATHS);
        assertEquals(List.of("a/2.sql", "a/10.sql", "a/b.sql", "a-c/x.sql", "b.sql"), paths);
    }
}

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

    @Test
    void pathsCompareFolderByFolder() {
        List<String> paths = new ArrayList<>(List.of("a-c/x.sql", "a/b.sql", "a/10.sql", "a/2.sql", "b.sql"));
        paths.sort(NaturalOrder.PATHS);
        assertEquals(List.of("a/2.sql", "a/10.sql", "a/b.sql", "a-c/x.sql", "b.sql"), paths);
    }
}

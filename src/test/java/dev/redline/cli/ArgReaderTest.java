package dev.redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgReaderTest {

    /** Reads every argument as "option=value" or "operand:x", as a command's parser would. */
    private static List<String> read(String... args) throws UsageException {
        List<String> seen = new ArrayList<>();
        ArgReader r = new ArgReader(List.of(args));
        while (r.next()) {
            if (r.isOperand()) {
                seen.add("operand:" + r.argument());
            } else if (r.option().equals("--flag")) {
                r.noValue();
                seen.add("--flag");
            } else {
                seen.add(r.option() + "=" + r.value());
            }
        }
        return seen;
    }

    @Test
    void valuesInlineOrNextAndOperandsAnywhere() throws UsageException {
        assertEquals(List.of("operand:a", "--format=json", "--mode=enforce", "--flag", "operand:b"),
                read("a", "--format", "json", "--mode=enforce", "--flag", "b"));
        assertEquals(List.of("--note=a=b"), read("--note=a=b"), "only the first = splits");
        assertEquals(List.of("--note="), read("--note="), "an empty inline value is a value");
    }

    @Test
    void doubleDashEndsOptionsAndDashIsAnOperand() throws UsageException {
        assertEquals(List.of("operand:-", "--x=1", "operand:--flag", "operand:--"), read("-", "--x", "1", "--",
                "--flag", "--"));
    }

    @Test
    void missingOrUnexpectedValuesAreUsageErrors() {
        UsageException missing = assertThrows(UsageException.class, () -> read("--format"));
        assertEquals("--format needs a value", missing.getMessage());
        UsageException flag = assertThrows(UsageException.class, () -> read("--flag=yes"));
        assertEquals("--flag takes no value", flag.getMessage());
        ArgReader r = new ArgReader(List.of("--nope=1"));
        assertTrue(r.next());
        assertEquals("unknown option '--nope' for check", r.unknown("check").getMessage());
        assertFalse(r.next());
    }
}

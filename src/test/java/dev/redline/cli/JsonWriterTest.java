package dev.redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonWriter} must print byte for byte what the Jackson generator of {@link JsonOutput} prints (the check
 * report was written with Jackson before, and its layout is what users diff): the same documents are written with
 * both and compared.
 */
class JsonWriterTest {

    /** Both writers, driven by the same calls. */
    private static final class Both {
        final ByteArrayOutputStream ours = new ByteArrayOutputStream();
        final ByteArrayOutputStream jacksons = new ByteArrayOutputStream();
        final JsonWriter w = new JsonWriter(ours);
        final JsonGenerator g;

        Both() throws IOException {
            g = JsonOutput.generator(jacksons);
        }

        void startObject() throws IOException {
            w.startObject();
            g.writeStartObject();
        }

        void endObject() throws IOException {
            w.endObject();
            g.writeEndObject();
        }

        void startArray() throws IOException {
            w.startArray();
            g.writeStartArray();
        }

        void endArray() throws IOException {
            w.endArray();
            g.writeEndArray();
        }

        void name(String n) throws IOException {
            w.name(n);
            g.writeFieldName(n);
        }

        void string(String s) throws IOException {
            w.value(s);
            if (s == null) {
                g.writeNull();
            } else {
                g.writeString(s);
            }
        }

        void number(long n) throws IOException {
            w.value(n);
            g.writeNumber(n);
        }

        void bool(boolean b) throws IOException {
            w.value(b);
            g.writeBoolean(b);
        }

        void assertSame() throws IOException {
            w.close();
            g.close();
            assertEquals(jacksons.toString(StandardCharsets.UTF_8), ours.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void emptyContainersAndNesting() throws IOException {
        Both b = new Both();
        b.startObject();
        b.name("a");
        b.startArray();
        b.endArray();
        b.name("b");
        b.startObject();
        b.endObject();
        b.name("c");
        b.startArray();
        b.startObject();
        b.name("x");
        b.number(-7);
        b.name("y");
        b.string(null);
        b.endObject();
        b.number(3);
        b.bool(true);
        b.startArray();
        b.string("nested");
        b.endArray();
        b.endArray();
        b.endObject();
        b.assertSame();
    }

    @Test
    void escapesEveryControlCharacterAndEncodesUnicodeAsJacksonDoes() throws IOException {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x100; c++) {
            all.append(c);
        }
        all.append("\u2028\u2029\uFFFD\uFEFF \uD83D\uDE00 \u4E2D\u6587 \"quoted\" back\\slash /slash");
        Both b = new Both();
        b.startObject();
        b.name(all.toString());
        b.string(all.toString());
        b.endObject();
        b.assertSame();
    }

    @Test
    void randomDocumentsMatch() throws IOException {
        Random random = new Random(7);
        for (int doc = 0; doc < 200; doc++) {
            Both b = new Both();
            writeValue(b, random, 0);
            b.assertSame();
        }
    }

    @Test
    void stringsLongerThanTheBufferAreWrittenWhole() throws IOException {
        Both b = new Both();
        b.startArray();
        b.string("x".repeat(200_000));
        b.string("\u00e9\n".repeat(70_000));
        b.string("\uD83D\uDE00".repeat(50_000));
        b.endArray();
        b.assertSame();
    }

    private static void writeValue(Both b, Random random, int depth) throws IOException {
        int kind = depth > 3 ? 2 + random.nextInt(3) : random.nextInt(5);
        switch (kind) {
            case 0 -> {
                b.startObject();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b.name(randomString(random));
                    writeValue(b, random, depth + 1);
                }
                b.endObject();
            }
            case 1 -> {
                b.startArray();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    writeValue(b, random, depth + 1);
                }
                b.endArray();
            }
            case 2 -> b.string(random.nextInt(8) == 0 ? null : randomString(random));
            case 3 -> b.number(random.nextLong() >> random.nextInt(64));
            default -> b.bool(random.nextBoolean());
        }
    }

    private static String randomString(Random random) {
        String pool = "ab\"\\\n\t\u0001\u001f\u007f\u00e9\u4e2d\uD83D\uDE00 ";
        StringBuilder s = new StringBuilder();
        int len = random.nextInt(12);
        for (int i = 0; i < len; i++) {
            int at = random.nextInt(pool.length());
            char c = pool.charAt(at);
            if (Character.isHighSurrogate(c)) {
                s.append(c).append(pool.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                s.append(c);
            }
        }
        return s.toString();
    }
}

package dev.redline.core.layout;

import static dev.redline.core.layout.Trees.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.redline.core.model.Direction;
import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationScript;
import dev.redline.core.model.ScriptProblem;
import dev.redline.core.model.ScriptSection;
import dev.redline.core.model.Tool;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptLoaderTest {

    @TempDir
    Path root;

    private final ScriptLoader loader = new ScriptLoader();

    private Migration plain(String rel) {
        return new Migration(root.resolve(rel), rel, Tool.PLAIN, Direction.UP, null, rel, "plain: .", false);
    }

    @Test
    void hashesAndSizesTheExactBytes() {
        write(root, "db/a.sql", "SELECT 1;\n");

        MigrationScript s = loader.load(plain("db/a.sql"));

        assertEquals("b4e0497804e46e0a0b0b8c31975b062152d551bac49c3c2e80932567b4085dcd", s.sha256());
        assertEquals(10, s.sizeBytes());
        assertEquals("SELECT 1;\n", s.source().text());
        assertEquals(List.of(new ScriptSection(0, 10, null)), s.sections());
        assertTrue(s.problems().isEmpty());
        assertTrue(s.readable());
    }

    @Test
    void emptyFileIsReadableWithOneEmptySection() {
        write(root, "empty.sql", "");

        MigrationScript s = loader.load(plain("empty.sql"));

        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", s.sha256());
        assertEquals("", s.source().text());
        assertEquals(List.of(new ScriptSection(0, 0, null)), s.sections());
    }

    @Test
    void bomAndCrlfAreKeptSoOffsetsMatchTheEditor() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'S', 'E', 'L', 'E', 'C', 'T', ' ', '1', ';', '\r', '\n',
            'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xC3, (byte) 0xA9, '\'', ';', '\r', '\n'};
        write(root, "bom.sql", bytes);

        MigrationScript s = loader.load(plain("bom.sql"));

        assertEquals("\uFEFFSELECT 1;\r\nSELECT 'é';\r\n", s.source().text());
        assertEquals(bytes.length, s.sizeBytes());
        assertEquals(List.of(new ScriptSection(0, s.source().length(), null)), s.sections());
        assertEquals(2, s.source().line(s.source().text().indexOf("SELECT 'é'")));
    }

    @Test
    void missingFileIsAProblemNamingIt() {
        MigrationScript s = loader.load(plain("gone/deleted.sql"));

        assertNull(s.source());
        assertNull(s.sha256());
        assertTrue(s.sections().isEmpty());
        assertEquals(1, s.problems().size());
        ScriptProblem p = s.problems().get(0);
        assertEquals("gone/deleted.sql could not be read: no such file", p.message());
        assertNull(p.line());
    }

    @Test
    void readFailureIsAProblemNamingItEvenForRoot() throws IOException {
        Files.createDirectories(root.resolve("db/folder.sql")); // exists, but reading it fails

        MigrationScript s = loader.load(plain("db/folder.sql"));

        assertNull(s.source());
        assertTrue(s.sections().isEmpty());
        assertEquals(1, s.problems().size());
        assertTrue(s.problems().get(0).message().startsWith("db/folder.sql could not be read: "),
                s.problems().toString());
    }

    @Test
    void unreadableFileIsAProblemNamingIt() throws IOException {
        Path f = write(root, "locked.sql", "SELECT 1;\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(f), "running with permissions that ignore chmod");

        MigrationScript s = loader.load(plain("locked.sql"));

        assertNull(s.source());
        assertEquals("locked.sql could not be read: permission denied", s.problems().get(0).message());
    }

    @Test
    void nulByteMeansBinary() {
        byte[] bytes = "SELECT 1;\n\0\0\0garbage".getBytes(StandardCharsets.UTF_8);
        write(root, "blob.sql", bytes);

        MigrationScript s = loader.load(plain("blob.sql"));

        assertNull(s.source());
        assertTrue(s.sections().isEmpty());
        assertNotNull(s.sha256());
        assertEquals(bytes.length, s.sizeBytes());
        String message = s.problems().get(0).message();
        assertTrue(message.startsWith("blob.sql looks like a binary file (a NUL byte at offset 10)"), message);
    }

    @Test
    void mostlyControlCharactersMeansBinary() {
        byte[] bytes = new byte[1000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 3 == 0 ? 0x01 : 'a');
        }
        write(root, "ctl.sql", bytes);

        MigrationScript s = loader.load(plain("ctl.sql"));

        assertNull(s.source());
        assertTrue(s.problems().get(0).message().contains("ctl.sql looks like a binary file"),
                s.problems().toString());
    }

    @Test
    void invalidUtf8GivesOffsetAndLineOfTheFirstBadByte() {
        byte[] latin1 = "SELECT 1;\nSELECT 'caf\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1);
        write(root, "db/latin1.sql", latin1);

        MigrationScript s = loader.load(plain("db/latin1.sql"));

        assertNull(s.source());
        assertTrue(s.sections().isEmpty());
        assertNotNull(s.sha256());
        assertEquals(1, s.problems().size());
        assertEquals("db/latin1.sql is not valid UTF-8: byte 0xE9 at offset 21 (line 2); save it as UTF-8 to "
                + "analyse it", s.problems().get(0).message());
    }

    @Test
    void aWrittenReplacementCharacterIsValidText() {
        // U+FFFD spelled out in UTF-8 is valid: the fast decoding path must not mistake it for a decoding error
        write(root, "fffd.sql", "SELECT '\uFFFD caf\u00e9 \uD83D\uDE00';\n".getBytes(StandardCharsets.UTF_8));

        MigrationScript s = loader.load(plain("fffd.sql"));

        assertNotNull(s.source(), s.problems().toString());
        assertEquals("SELECT '\uFFFD caf\u00e9 \uD83D\uDE00';\n", s.source().text());
    }

    @Test
    void aBadByteAfterAWrittenReplacementCharacterIsStillFound() {
        byte[] good = "SELECT '\uFFFD';\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 2);
        bytes[good.length] = (byte) 0xC3; // a lead byte followed by ASCII: malformed
        bytes[good.length + 1] = 'x';
        write(root, "mixed.sql", bytes);

        MigrationScript s = loader.load(plain("mixed.sql"));

        assertNull(s.source());
        assertTrue(s.problems().get(0).message().contains("byte 0xC3 at offset " + good.length + " (line 2)"),
                s.problems().toString());
    }

    @Test
    void encodedSurrogatesAreRejected() {
        // CESU-8 style surrogate half: lenient decoders accept it, the strict one must not
        write(root, "cesu.sql", new byte[] {'-', '-', ' ', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'});

        MigrationScript s = loader.load(plain("cesu.sql"));

        assertNull(s.source());
        assertTrue(s.problems().get(0).message().contains("offset 3 (line 1)"), s.problems().toString());
    }

    @Test
    void hugeFileIsNotRead() throws IOException {
        Path f = root.resolve("dump.sql");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(250L * 1024 * 1024); // sparse: takes no disk space
        }

        MigrationScript s = loader.load(plain("dump.sql"));

        assertNull(s.source());
        assertTrue(s.sections().isEmpty());
        assertEquals(250L * 1024 * 1024, s.sizeBytes());
        assertEquals("dump.sql is 250.0 MiB; files over 32 MiB are not analysed", s.problems().get(0).message());
    }

    @Test
    void justOverTheLimitIsTooLarge() throws IOException {
        Path f = root.resolve("big.sql");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(ScriptLoader.MAX_BYTES + 1L);
        }

        MigrationScript s = loader.load(plain("big.sql"));

        assertNull(s.source());
        assertEquals("big.sql is 32.0 MiB; files over 32 MiB are not analysed", s.problems().get(0).message());
    }
}

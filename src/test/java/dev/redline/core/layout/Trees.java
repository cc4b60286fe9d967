package dev.redline.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationScript;
import dev.redline.core.model.MigrationSet;
import dev.redline.core.model.ScriptSection;
import dev.redline.core.model.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds small project trees on disk and reads back what the detector and loader made of them. */
final class Trees {

    private Trees() {
    }

    static Path write(Path root, String rel, String content) {
        return write(root, rel, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path root, String rel, byte[] content) {
        try {
            Path file = root.resolve(rel);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes each named file with a one-line body that names it. */
    static void touch(Path root, String... rels) {
        for (String rel : rels) {
            write(root, rel, "-- " + rel + "\nSELECT 1;\n");
        }
    }

    static MigrationSet onlySet(LayoutScan scan) {
        assertEquals(1, scan.sets().size(), () -> "sets: " + scan.sets());
        return scan.sets().get(0);
    }

    static MigrationSet set(LayoutScan scan, Tool tool) {
        MigrationSet found = scan.sets().stream().filter(s -> s.tool() == tool).findFirst().orElse(null);
        assertNotNull(found, () -> "no " + tool + " set in " + labels(scan));
        return found;
    }

    static List<String> labels(LayoutScan scan) {
        return scan.sets().stream().map(MigrationSet::label).toList();
    }

    /** Each migration as {@code relativePath direction}, the way the order assertions read best. */
    static List<String> order(MigrationSet set) {
        return set.migrations().stream().map(m -> m.relativePath() + " " + m.direction().id()).toList();
    }

    static List<String> paths(MigrationSet set) {
        return set.migrations().stream().map(Migration::relativePath).toList();
    }

    /** The text of each section of a loaded script. */
    static List<String> sectionTexts(MigrationScript script) {
        String text = script.source().text();
        return script.sections().stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    static List<Boolean> transactions(MigrationScript script) {
        return script.sections().stream().map(ScriptSection::inTransaction).toList();
    }
}

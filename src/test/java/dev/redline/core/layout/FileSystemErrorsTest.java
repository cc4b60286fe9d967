package dev.redline.core.layout;

import static dev.redline.core.layout.Trees.paths;
import static dev.redline.core.layout.Trees.touch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.redline.core.analysis.ProjectAnalysis.PathError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemErrorsTest {

    @TempDir
    Path root;

    @Test
    void symlinkLoopBecomesAPathErrorAndTheRestIsStillFound() throws IOException {
        touch(root, "db/V1__a.sql", "db/nested/V2__b.sql", "z/after.sql");
        createLinkOrSkip(root.resolve("db/nested/loop"), root.resolve("db"));

        LayoutScan scan = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new LayoutDetector().detect(root));

        assertEquals(List.of("flyway: db", "flyway: db/nested", "plain: z"), Trees.labels(scan));
        assertEquals(List.of("z/after.sql"), paths(scan.sets().get(2)));
        assertEquals(1, scan.errors().size(), scan.errors().toString());
        PathError error = scan.errors().get(0);
        assertEquals("db/nested/loop", error.path());
        assertTrue(error.message().contains("loop"), error.message());
    }

    @Test
    void selfLoopAndLinkToRootAreBothReported() throws IOException {
        touch(root, "a/x.sql");
        createLinkOrSkip(root.resolve("a/up"), root);
        createLinkOrSkip(root.resolve("a/self"), root.resolve("a"));

        LayoutScan scan = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new LayoutDetector().allSql(root));

        assertEquals(List.of("a/x.sql"), paths(Trees.onlySet(scan)));
        assertEquals(List.of("a/self", "a/up"), scan.errors().stream().map(PathError::path).sorted().toList());
    }

    @Test
    void linkedFolderOutsideTheRootIsFollowedAndNamedByItsLinkPath() throws IOException {
        Path outside = Files.createTempDirectory("redline-outside");
        try {
            touch(outside, "V1__shared.sql");
            touch(root, "own/V1__own.sql");
            createLinkOrSkip(root.resolve("shared"), outside);

            LayoutScan scan = new LayoutDetector().detect(root);

            assertEquals(List.of("flyway: own", "flyway: shared"), Trees.labels(scan));
            assertEquals(List.of("shared/V1__shared.sql"), paths(scan.sets().get(1)));
        } finally {
            Files.deleteIfExists(outside.resolve("V1__shared.sql"));
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void brokenSqlLinkIsReported() throws IOException {
        touch(root, "db/ok.sql");
        createLinkOrSkip(root.resolve("db/gone.sql"), root.resolve("db/missing.sql"));

        LayoutScan scan = new LayoutDetector().detect(root);

        assertEquals(List.of("db/ok.sql"), paths(Trees.onlySet(scan)));
        assertEquals(List.of("db/gone.sql"), scan.errors().stream().map(PathError::path).toList());
    }

    @Test
    void unreadableFolderBecomesAPathError() throws IOException {
        assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"));
        touch(root, "locked/V1__a.sql", "open/V1__b.sql");
        Path locked = root.resolve("locked");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            // root ignores permissions, so the test means nothing there
            assumeFalse(Files.isReadable(locked), "running with permissions that ignore chmod");

            LayoutScan scan = new LayoutDetector().detect(root);

            assertEquals(List.of("flyway: open"), Trees.labels(scan));
            assertEquals(List.of("locked"), scan.errors().stream().map(PathError::path).toList());
            assertTrue(scan.errors().get(0).message().contains("permission denied"));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static void createLinkOrSkip(Path link, Path target) throws IOException {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links not available: " + e);
        }
    }
}

package dev.redline.dryrun.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A pristine PostgreSQL cluster ({@code initdb}, started once and stopped cleanly) kept in the scratch space as
 * {@code .template}, copied for each embedded server: copying 40 MB takes a fraction of what {@code initdb} does.
 * It is made in a {@code .template-….partial} folder and renamed into place, so it is complete or absent; it is never
 * started itself, so it never changes. A template that does not start (binaries of another major version after an
 * upgrade) is discarded and made again.
 */
final class ClusterTemplate {

    static final String NAME = ".template";
    private static final Duration PARTIAL_GRACE = Duration.ofMinutes(10);

    private ClusterTemplate() {
    }

    /** The template, made now if there is none; {@code null} when it cannot be made (a fresh initdb then). */
    static Path ensure(ScratchSpace space) {
        Path template = space.root().resolve(NAME);
        if (isCluster(template)) {
            return template;
        }
        try {
            Files.createDirectories(space.root());
            removeStalePartials(space.root());
            Path partial = space.root().resolve(NAME + "-" + Long.toUnsignedString(
                    ThreadLocalRandom.current().nextLong(), 36) + ".partial");
            try {
                EmbeddedPostgres pg = EmbeddedServer.builder(partial).start();
                pg.close();
                Files.deleteIfExists(partial.resolve("postmaster.pid"));
                if (!isCluster(partial)) {
                    return null;
                }
                try {
                    Files.move(partial, template, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                    // another process made it first; use theirs
                } catch (AtomicMoveNotSupportedException e) {
                    return null;
                }
            } finally {
                ScratchSpace.deleteTree(partial);
            }
            return isCluster(template) ? template : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Deletes the template (it did not start); the next start makes a new one. */
    static void discard(ScratchSpace space) {
        Path template = space.root().resolve(NAME);
        Path doomed = space.root().resolve(NAME + "-" + Long.toUnsignedString(
                ThreadLocalRandom.current().nextLong(), 36) + ".partial");
        try {
            Files.move(template, doomed, StandardCopyOption.ATOMIC_MOVE);
            ScratchSpace.deleteTree(doomed);
        } catch (IOException | UncheckedIOException ignored) {
            // gone already, or someone else replaced it
        }
    }

    /** Copies the template into {@code dataDir} (created), keeping permissions (PostgreSQL wants 0700). */
    static void copy(Path template, Path dataDir) throws IOException {
        Files.walkFileTree(template, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.copy(dir, dataDir.resolve(template.relativize(dir).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, dataDir.resolve(template.relativize(file).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean isCluster(Path dir) {
        return Files.isRegularFile(dir.resolve("PG_VERSION")) && Files.isRegularFile(dir.resolve("global/pg_control"))
                && Files.isRegularFile(dir.resolve("postgresql.conf"));
    }

    private static void removeStalePartials(Path root) throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            for (Path p : (Iterable<Path>) children::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(NAME + "-") && name.endsWith(".partial")
                        && Files.getLastModifiedTime(p).toInstant().isBefore(Instant.now().minus(PARTIAL_GRACE))) {
                    ScratchSpace.deleteTree(p);
                }
            }
        }
    }
}

package dev.redline.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The UI tests' project: {@code src/test/resources/ui/shop}, a Flyway project of four migrations (safe, destructive,
 * safe, risky), copied into a temporary folder so tests may edit, save and delete its files.
 */
public final class ShopFixture {

    public static final String V1 = "db/migration/V1__create_customers.sql";
    public static final String V2 = "db/migration/V2__cleanup.sql";
    public static final String V3 = "db/migration/V3__add_email.sql";
    public static final String V4 = "db/migration/V4__rename_status.sql";

    private ShopFixture() {
    }

    public static Path copyTo(Path dir) {
        try {
            Path source = Path.of(ShopFixture.class.getResource("/ui/shop").toURI());
            Path target = dir.resolve("shop");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Path to = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.redline.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI machines have no display and may have no JavaFX natives: {@code redline check} must not load a single JavaFX
 * class. Proven in a child JVM through the real launcher, with {@code -verbose:class} listing every class loaded.
 */
class HeadlessLaunchTest {

    @TempDir
    Path dir;

    @Test
    void checkNeverLoadsJavaFx() throws IOException, InterruptedException {
        Files.writeString(dir.resolve("V1__drop_customers.sql"), "DROP TABLE customers;\n");
        List<String> loaded = classesLoadedBy("check", dir.toString());

        assertTrue(loaded.contains("dev.redline.cli.CheckCommand"), "check did not run: " + loaded.size()
                + " classes loaded");
        List<String> javafx = loaded.stream()
                .filter(c -> c.startsWith("javafx.") || c.startsWith("com.sun.javafx.") || c.startsWith("com.sun.glass.")
                        || c.startsWith("com.sun.prism.") || c.startsWith("dev.redline.ui."))
                .toList();
        assertTrue(javafx.isEmpty(), "check loaded " + javafx);
    }

    @Test
    void versionNeverLoadsJavaFx() throws IOException, InterruptedException {
        List<String> loaded = classesLoadedBy("--version");
        assertTrue(loaded.contains("dev.redline.cli.CommandLine"));
        assertTrue(loaded.stream().noneMatch(c -> c.startsWith("javafx.") || c.startsWith("dev.redline.ui.")),
                "--version loaded JavaFX");
    }

    private static List<String> classesLoadedBy(String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-verbose:class",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "dev.redline.Redline"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        // -verbose:class prints "[0.012s][info][class,load] java.lang.Object source: ..."
        return new String(output, StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("[class,load] "))
                .map(l -> l.substring(l.indexOf("[class,load] ") + "[class,load] ".length()))
                .map(l -> l.contains(" ") ? l.substring(0, l.indexOf(' ')) : l)
                .toList();
    }
}

package dev.redline.ui.project;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The workbench's remembered choices: the theme and the recent projects, most recent first. One small properties
 * file in the {@link ConfigDirectory}, written atomically so a crash mid-write never loses the list. Reading never
 * fails: a missing or damaged file gives defaults. Thread-safe: the UI changes it, a worker saves it.
 */
public final class WorkbenchSettings {

    public static final int MAX_RECENT = 10;
    private static final String FILE = "workbench.properties";

    private final Path file;
    private boolean dark;
    private final List<Path> recent = new ArrayList<>();

    private WorkbenchSettings(Path file) {
        this.file = file;
    }

    public static WorkbenchSettings load(Path configDirectory) {
        WorkbenchSettings s = new WorkbenchSettings(configDirectory.resolve(FILE));
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(s.file, StandardCharsets.UTF_8)));
            s.dark = "dark".equals(p.getProperty("theme"));
            for (int i = 0; i < MAX_RECENT; i++) {
                String path = p.getProperty("recent." + i);
                if (path != null && !path.isBlank()) {
                    s.recent.add(Path.of(path));
                }
            }
        } catch (NoSuchFileException e) {
            // first run
        } catch (IOException | RuntimeException e) {
            // damaged or unreadable: start from defaults rather than refuse to open
        }
        return s;
    }

    public synchronized boolean dark() {
        return dark;
    }

    public synchronized void setDark(boolean dark) {
        this.dark = dark;
    }

    public synchronized List<Path> recentProjects() {
        return List.copyOf(recent);
    }

    /** Moves (or adds) the folder to the top of the recent list. */
    public synchronized void addRecent(Path project) {
        Path p = project.toAbsolutePath().normalize();
        Set<Path> ordered = new LinkedHashSet<>();
        ordered.add(p);
        ordered.addAll(recent);
        recent.clear();
        ordered.stream().limit(MAX_RECENT).forEach(recent::add);
    }

    public synchronized void removeRecent(Path project) {
        recent.remove(project.toAbsolutePath().normalize());
    }

    public Path file() {
        return file;
    }

    public synchronized void save() throws IOException {
        Properties p = new Properties();
        p.setProperty("theme", dark ? "dark" : "light");
        for (int i = 0; i < recent.size(); i++) {
            p.setProperty("recent." + i, recent.get(i).toString());
        }
        StringWriter out = new StringWriter();
        p.store(out, "Redline workbench");
        AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
    }
}

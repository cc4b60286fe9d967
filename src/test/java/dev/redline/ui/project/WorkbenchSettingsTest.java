package dev.redline.ui.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remembered theme and recent projects, and where they live on each platform. */
class WorkbenchSettingsTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsThemeAndRecentProjectsMostRecentFirst() throws IOException {
        WorkbenchSettings s = WorkbenchSettings.load(dir);
        assertFalse(s.dark());
        s.setDark(true);
        s.addRecent(Path.of("/p/a"));
        s.addRecent(Path.of("/p/b"));
        s.addRecent(Path.of("/p/a"));
        s.save();
        WorkbenchSettings again = WorkbenchSettings.load(dir);
        assertTrue(again.dark());
        assertEquals(List.of(Path.of("/p/a"), Path.of("/p/b")), again.recentProjects());
    }

    @Test
    void keepsTenRecentProjects() {
        WorkbenchSettings s = WorkbenchSettings.load(dir);
        for (int i = 0; i < 15; i++) {
            s.addRecent(Path.of("/p/" + i));
        }
        assertEquals(WorkbenchSettings.MAX_RECENT, s.recentProjects().size());
        assertEquals(Path.of("/p/14"), s.recentProjects().get(0));
    }

    @Test
    void aDamagedFileGivesDefaults() throws IOException {
        Files.write(dir.resolve("workbench.properties"), new byte[] {'t', 'h', 'e', 'm', 'e', '=', '\\', 'u', 'z'});
        WorkbenchSettings s = WorkbenchSettings.load(dir);
        assertFalse(s.dark());
        assertTrue(s.recentProjects().isEmpty());
    }

    @Test
    void writesAtomicallyLeavingNoTemporaryFile() throws IOException {
        WorkbenchSettings s = WorkbenchSettings.load(dir.resolve("new/folder"));
        s.addRecent(Path.of("/p"));
        s.save();
        try (var files = Files.list(dir.resolve("new/folder"))) {
            assertEquals(List.of("workbench.properties"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void configDirectoryPerPlatform() {
        String home = "/home/u";
        assertEquals(Path.of("/x"), ConfigDirectory.resolve("/x", "Linux", home, Map.of()));
        assertEquals(Path.of(home, ".config", "redline"), ConfigDirectory.resolve(null, "Linux", home, Map.of()));
        assertEquals(Path.of("/xdg", "redline"),
                ConfigDirectory.resolve(null, "Linux", home, Map.of("XDG_CONFIG_HOME", "/xdg")));
        assertEquals(Path.of(home, "Library", "Application Support", "Redline"),
                ConfigDirectory.resolve(null, "Mac OS X", home, Map.of()));
        assertEquals(Path.of("C:/Users/u/AppData/Roaming", "Redline"),
                ConfigDirectory.resolve(null, "Windows 11", home, Map.of("APPDATA", "C:/Users/u/AppData/Roaming")));
    }
}

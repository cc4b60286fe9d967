package dev.redline.dryrun;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** URLs without passwords, the production guard and the profile store: no database needed. */
class TargetTest {

    @TempDir
    Path dir;

    @Test
    void passwordsNeverReachTheDisplayedUrl() {
        TargetUrl jdbc = TargetUrl.parse("jdbc:postgresql://db.example.com:6432/app?user=me&password=hunter2&sslmode=require");
        assertEquals("jdbc:postgresql://db.example.com:6432/app?user=me&sslmode=require", jdbc.display());
        assertEquals("hunter2", jdbc.password());
        assertEquals("db.example.com", jdbc.host());
        assertEquals(6432, jdbc.port());
        assertEquals("app", jdbc.database());

        TargetUrl libpq = TargetUrl.parse("postgres://me:s%40cret@localhost/app");
        assertEquals("jdbc:postgresql://localhost/app", libpq.display());
        assertEquals("s@cret", libpq.password());
        assertEquals("me", libpq.user());
        assertEquals(5432, libpq.port());

        assertEquals("jdbc:postgresql://h/db?password=***", TargetUrl.redact("jdbc:postgresql://h/db?password=x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TargetUrl.parse("mysql://u:topsecret@h/db"));
        assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
    }

    @Test
    void productionListMatchesHostsPortsAndDatabases() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Path project = Files.createDirectories(dir.resolve("services/billing"));
        Files.createDirectories(dir.resolve(".redline"));
        Files.writeString(dir.resolve(".redline/production"), """
                # production
                DB.prod.example.com
                *.prod.internal/app   # any prod host, database app
                10.0.0.5:5433/orders
                """);
        ProductionGuard guard = ProductionGuard.forProject(project);
        assertThrows(ProductionGuard.Refused.class, () -> guard.check(TargetUrl.parse(
                "jdbc:postgresql://db.prod.example.com/anything"), null));
        assertThrows(ProductionGuard.Refused.class, () -> guard.check(TargetUrl.parse(
                "jdbc:postgresql://eu1.prod.internal:5432/app"), TargetRole.CLONE));
        assertDoesNotThrow(() -> guard.check(TargetUrl.parse("jdbc:postgresql://eu1.prod.internal/other"), null));
        assertThrows(ProductionGuard.Refused.class, () -> guard.check(TargetUrl.parse(
                "jdbc:postgresql://10.0.0.5:5433/orders"), null));
        assertDoesNotThrow(() -> guard.check(TargetUrl.parse("jdbc:postgresql://10.0.0.5:5432/orders"), null));
        assertDoesNotThrow(() -> guard.check(TargetUrl.parse("jdbc:postgresql://localhost/app"), TargetRole.CLONE));
        ProductionGuard.Refused declared = assertThrows(ProductionGuard.Refused.class,
                () -> guard.check(TargetUrl.parse("jdbc:postgresql://localhost/app"), TargetRole.PRODUCTION));
        assertTrue(declared.getMessage().contains("declared a production database"));
    }

    @Test
    void anUnreadableProductionListRefusesEverything() throws Exception {
        Files.createDirectories(dir.resolve(".redline"));
        Files.writeString(dir.resolve(".redline/production"), "db.prod:notaport\n");
        ProductionGuard.Refused e = assertThrows(ProductionGuard.Refused.class, () -> ProductionGuard.forProject(dir));
        assertTrue(e.getMessage().contains("production:1"), e.getMessage());
    }

    @Test
    void profilesAreStoredPrivatelyAndNeverHoldAPassword() throws Exception {
        Profiles profiles = new Profiles(dir.resolve("config"));
        profiles.save(new ConnectionProfile("staging-clone", "10.0.0.7", 5432, "app", "reviewer", "require",
                TargetRole.CLONE));
        profiles.save(new ConnectionProfile("prod", "db.prod", 5432, "app", null, null, TargetRole.PRODUCTION));
        assertEquals(2, profiles.load().size());
        assertEquals(TargetRole.CLONE, profiles.matching(TargetUrl.parse("jdbc:postgresql://10.0.0.7/app"))
                .orElseThrow().role());
        assertEquals("jdbc:postgresql://10.0.0.7:5432/app?user=reviewer&sslmode=require",
                profiles.find("staging-clone").orElseThrow().jdbcUrl());
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(profiles.file()));
        assertFalse(Files.readString(profiles.file()).toLowerCase().contains("password="));

        Files.writeString(profiles.file(), "profile.x.host=h\nprofile.x.database=d\nprofile.x.role=clone\n"
                + "profile.x.password=oops\n");
        Exception e = assertThrows(java.io.IOException.class, profiles::load);
        assertTrue(e.getMessage().contains("never stores passwords"), e.getMessage());
        assertFalse(e.getMessage().contains("oops"));
    }

    @Test
    void profilesLiveInThePlatformsUserConfigFolder() {
        Path home = Path.of("/home/me");
        assertEquals(Path.of("/home/me/.config/redline"), Profiles.defaultDirectory(Map.of(), "Linux", home));
        assertEquals(Path.of("/x/redline"), Profiles.defaultDirectory(Map.of("XDG_CONFIG_HOME", "/x"), "Linux", home));
        assertEquals(home.resolve("Library/Application Support/Redline"),
                Profiles.defaultDirectory(Map.of(), "Mac OS X", home));
        assertEquals(Path.of("C:/Users/me/AppData/Roaming", "Redline"),
                Profiles.defaultDirectory(Map.of("APPDATA", "C:/Users/me/AppData/Roaming"), "Windows 11", home));
        assertEquals(List.of(), List.of());
    }
}

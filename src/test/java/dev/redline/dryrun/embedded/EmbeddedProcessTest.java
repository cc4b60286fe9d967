package dev.redline.dryrun.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.sample.SampleProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's folder across processes, with the CLI in a child JVM as a user runs it: gone when the
 * process exits normally; when the process is killed outright (SIGKILL: no shutdown hook runs), its server and
 * folder are removed by the watchdog at once, or, without one, by the next start's clean-up.
 */
class EmbeddedProcessTest {

    @TempDir
    Path dir;

    @Test
    void theDataDirectoryIsGoneWhenTheProcessExits() throws Exception {
        Path root = dir.resolve("space");
        Path project = SampleProject.extractTo(dir);
        Process child = redline(root, true, "dry-run", project.toString());
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the dry-run did not finish");
        String log = Files.readString(dir.resolve("child.log"));
        assertEquals(0, child.exitValue(), log);
        assertTrue(log.contains("db/migration/V4__rename_phone_and_tidy_up.sql: ok"), log);
        assertTrue(log.contains("its data directory was deleted when it stopped"), log);
        assertEquals(List.of(), TestSpace.serverFolders(root), "the server's folder outlived the process");
        assertFalse(anyPostgresOn(root), "a postgres of the dry-run still runs");
    }

    @Test
    void aKilledProcessLeavesAServerThatTheNextStartStopsAndRemoves() throws Exception {
        Path root = dir.resolve("space");
        Killed killed = killMidDryRun(root, false);
        // No watchdog, no shutdown hook: the server and its folder outlive the process...
        assertTrue(Files.isDirectory(killed.folder()), "the folder should still be there");
        assertTrue(ProcessHandle.of(killed.postmaster()).map(ProcessHandle::isAlive).orElse(false),
                "the orphaned postmaster should still run");
        // ...until the next start cleans up.
        List<ScratchSpace.Leftover> cleaned = new ScratchSpace(root).cleanLeftovers();
        assertEquals(1, cleaned.size(), cleaned::toString);
        ScratchSpace.Leftover leftover = cleaned.get(0);
        assertTrue(leftover.removed(), leftover::toString);
        assertTrue(leftover.stoppedServer(), leftover::toString);
        assertEquals(killed.childPid(), leftover.ownerPid());
        assertFalse(Files.exists(killed.folder()));
        assertTrue(waitGone(killed.postmaster()), "the orphaned postmaster was not stopped");
    }

    @Test
    void aKilledProcessIsCleanedUpByTheWatchdogAtOnce() throws Exception {
        Path root = dir.resolve("space");
        Killed killed = killMidDryRun(root, true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (Files.exists(killed.folder()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertFalse(Files.exists(killed.folder()), "the watchdog should have removed the folder");
        assertTrue(waitGone(killed.postmaster()), "the watchdog should have stopped the postmaster");
        assertEquals(List.of(), new ScratchSpace(root).cleanLeftovers(), "nothing is left for the next start");
    }

    private record Killed(Path folder, long postmaster, long childPid) {
    }

    /** Starts a dry-run whose migration sleeps, waits until it runs on the embedded server, then SIGKILLs it. */
    private Killed killMidDryRun(Path root, boolean watchdog) throws Exception {
        Path project = Files.createDirectories(dir.resolve("project/db/migration"));
        Files.writeString(project.resolve("V1__t.sql"), "CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n");
        Files.writeString(project.resolve("V2__slow.sql"), "ALTER TABLE t ADD COLUMN x int;\nSELECT pg_sleep(60);\n");
        Process child = redline(root, watchdog, "dry-run", dir.resolve("project").toString());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                for (Path folder : TestSpace.serverFolders(root)) {
                    Optional<long[]> pidAndPort = postmaster(folder.resolve(ScratchSpace.DATA_DIR));
                    if (pidAndPort.isPresent() && sleeping((int) pidAndPort.get()[1])) {
                        long childPid = child.pid();
                        child.destroyForcibly(); // SIGKILL
                        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
                        return new Killed(folder, pidAndPort.get()[0], childPid);
                    }
                }
                assertTrue(child.isAlive(), () -> "the child ended early: " + log());
                Thread.sleep(100);
            }
            throw new AssertionError("the dry-run never reached its pg_sleep: " + log());
        } finally {
            child.destroyForcibly();
        }
    }

    private Process redline(Path root, boolean watchdog, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Djava.awt.headless=true",
                "-D" + ScratchSpace.ROOT_PROPERTY + "=" + root, "-D" + Watchdog.ENABLED_PROPERTY + "=" + watchdog,
                "-cp", System.getProperty("java.class.path"), "dev.redline.Redline"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile())
                .start();
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The postmaster's pid and port from {@code postmaster.pid}, once the server is up. */
    private static Optional<long[]> postmaster(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            if (lines.size() >= 4) {
                return Optional.of(new long[] {Long.parseLong(lines.get(0).trim()),
                        Long.parseLong(lines.get(3).trim())});
            }
        } catch (IOException | NumberFormatException e) {
            // not up yet
        }
        return Optional.empty();
    }

    private static boolean sleeping(int port) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port
                + "/postgres?user=postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                     + "AND query LIKE 'SELECT pg_sleep%'")) {
            rs.next();
            return rs.getLong(1) > 0;
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean waitGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean anyPostgresOn(Path root) {
        String needle = root.toString();
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().arguments().map(a -> String.join(" ", a))
                .orElse("").contains(needle));
    }
}

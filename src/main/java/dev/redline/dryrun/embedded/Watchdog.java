package dev.redline.dryrun.embedded;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A tiny shell process that outlives a JVM killed without warning (SIGKILL, an out-of-memory kill, a crash): it
 * waits for its standard input to close, which the operating system does when the JVM dies however it dies, then
 * stops the postmaster of the server's folder (SIGINT, a fast shutdown; SIGKILL after ten seconds) and deletes the
 * folder. On a normal stop the folder is already gone when the input closes, and the watchdog just exits. It
 * ignores SIGINT, SIGHUP and SIGTERM, which a terminal's Ctrl-C sends to the whole process group: the JVM's own
 * shutdown handles those. Not started where there is no POSIX shell (Windows): there the next start cleans up.
 */
final class Watchdog implements AutoCloseable {

    /** System property: {@code false} starts no watchdog (tests of the next-start clean-up use it). */
    static final String ENABLED_PROPERTY = "redline.embedded.watchdog";

    private static final String SCRIPT = """
            trap '' INT HUP TERM
            while read -r _ignored; do :; done
            dir="$1"
            case "$dir" in /?*) ;; *) exit 0 ;; esac
            pidfile="$dir/data/postmaster.pid"
            if [ -f "$pidfile" ]; then
              pid=$(head -n 1 "$pidfile")
              case "$pid" in ''|*[!0-9]*) pid= ;; esac
              if [ -n "$pid" ] && kill -INT "$pid" 2>/dev/null; then
                i=0
                while kill -0 "$pid" 2>/dev/null && [ $i -lt 10 ]; do sleep 1; i=$((i+1)); done
                kill -KILL "$pid" 2>/dev/null
              fi
            fi
            rm -rf "$dir"
            """;

    private final Process process;

    private Watchdog(Process process) {
        this.process = process;
    }

    /** Starts a watchdog for {@code folder}, or returns {@code null} where none can run. */
    static Watchdog start(Path folder) {
        if (File.separatorChar != '/' || "false".equals(System.getProperty(ENABLED_PROPERTY))) {
            return null;
        }
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", SCRIPT, "redline-embedded-watchdog",
                    folder.toAbsolutePath().toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new Watchdog(p);
        } catch (IOException e) {
            return null; // no shell: the next start cleans up after a crash
        }
    }

    /** Closes the watchdog's input: it finds the folder gone and exits. */
    @Override
    public void close() {
        try (OutputStream in = process.getOutputStream()) {
            in.flush();
        } catch (IOException ignored) {
            // it is gone already
        }
    }
}

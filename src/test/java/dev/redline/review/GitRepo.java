package dev.redline.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real git repository in a temporary folder, with its own identity and no signing, whatever the machine's global
 * git configuration says.
 */
public final class GitRepo {

    public static final String NAME = "Ada Lovelace";
    public static final String EMAIL = "ada@example.com";

    private final Path root;

    private GitRepo(Path root) {
        this.root = root;
    }

    public static GitRepo init(Path dir) {
        GitRepo repo = new GitRepo(dir.toAbsolutePath().normalize());
        try {
            Files.createDirectories(repo.root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        repo.git("init", "-q");
        repo.git("config", "user.name", NAME);
        repo.git("config", "user.email", EMAIL);
        repo.git("config", "commit.gpgsign", "false");
        repo.git("config", "tag.gpgsign", "false");
        // Not ssh: reviews in this repository are unsigned unless a test sets it up.
        repo.git("config", "gpg.format", "openpgp");
        return repo;
    }

    public Path root() {
        return root;
    }

    public Path path(String rel) {
        return root.resolve(rel);
    }

    public Path write(String rel, String content) {
        try {
            Path file = root.resolve(rel);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String rel) {
        try {
            return Files.readString(root.resolve(rel), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void commitAll(String message) {
        git("add", "-A");
        git("commit", "-q", "-m", message);
    }

    /** Sets the repository up to sign reviews with an SSH key, as {@code git config gpg.format ssh} does. */
    public void signWith(Path key) {
        git("config", "gpg.format", "ssh");
        git("config", "user.signingkey", key.toString());
    }

    public String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A throwaway ed25519 key pair without a passphrase; returns the private key's path ({@code .pub} beside it). */
    public static Path newKey(Path dir, String name) {
        // A fresh machine has a JDK, Maven and git; ssh-keygen (openssh-client) usually comes with git, not always.
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("ssh-keygen"),
                "ssh-keygen is not installed: signing is tested where OpenSSH is");
        Path key = dir.resolve(name);
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString()));
        return key;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    public static String publicKey(Path privateKey) {
        try {
            return Files.readString(Path.of(privateKey + ".pub"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

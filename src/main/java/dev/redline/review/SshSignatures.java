package dev.redline.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Signs and verifies reviews with {@code ssh-keygen -Y}, the way git signs commits when {@code gpg.format=ssh}:
 * the reviewer's {@code user.signingkey} signs, and {@code .redline/allowed_signers} (ssh-keygen's
 * ALLOWED SIGNERS format, {@code email [namespaces="redline-review"] key}) says whose keys count. The namespace keeps
 * a review's signature from being accepted as anything else's.
 */
public final class SshSignatures {

    public static final String NAMESPACE = "redline-review";
    private static final String PROGRAM = "ssh-keygen";

    private SshSignatures() {
    }

    /**
     * Signs {@code payload} with the key git names in {@code user.signingkey}: a private or public key file (a
     * public one signs through ssh-agent), or a literal {@code key::ssh-ed25519 AAAA…} / {@code ssh-ed25519 AAAA…}.
     */
    static ReviewSignature sign(byte[] payload, String signingKey, Path workDir) throws ReviewException {
        Path literal = null;
        try {
            Path keyFile;
            String key = signingKey.strip();
            if (key.startsWith("key::") || key.startsWith("ssh-") || key.startsWith("ecdsa-")
                    || key.startsWith("sk-")) {
                literal = Files.createTempFile("redline-signing-key", ".pub");
                Files.writeString(literal, (key.startsWith("key::") ? key.substring(5) : key) + "\n");
                keyFile = literal;
            } else {
                keyFile = expandHome(key);
            }
            ProcessRunner.Result r = ProcessRunner.run(workDir, List.of(PROGRAM, "-Y", "sign", "-f",
                    keyFile.toString(), "-n", NAMESPACE), payload);
            if (!r.ok()) {
                throw new ReviewException("ssh-keygen could not sign the review with " + signingKey + ": "
                        + r.firstLine());
            }
            List<String> lines = r.out().strip().lines().toList();
            if (lines.isEmpty() || !lines.get(0).equals("-----BEGIN SSH SIGNATURE-----")) {
                throw new ReviewException("ssh-keygen printed no signature for " + signingKey);
            }
            return new ReviewSignature(NAMESPACE, lines);
        } catch (IOException e) {
            throw new ReviewException("cannot run ssh-keygen to sign the review: " + e.getMessage(), e);
        } finally {
            deleteQuietly(literal);
        }
    }

    /**
     * Checks that {@code signature} is sound over {@code payload}, then that its key is allowed for
     * {@code principal} (the reviewer's email) in {@code allowedSigners}.
     */
    static SignatureCheck verify(byte[] payload, ReviewSignature signature, String principal, Path allowedSigners,
                                 String allowedSignersName) {
        if (signature == null) {
            return SignatureCheck.unsigned();
        }
        if (!NAMESPACE.equals(signature.namespace())) {
            return new SignatureCheck(SignatureCheck.Status.INVALID,
                    "signed for \"" + signature.namespace() + "\", not for " + NAMESPACE);
        }
        Path sig = null;
        try {
            sig = Files.createTempFile("redline-review", ".sig");
            Files.writeString(sig, signature.armoredText(), StandardCharsets.US_ASCII);
            ProcessRunner.Result sound = ProcessRunner.run(null, List.of(PROGRAM, "-Y", "check-novalidate", "-n",
                    NAMESPACE, "-s", sig.toString()), payload);
            if (!sound.ok()) {
                return new SignatureCheck(SignatureCheck.Status.INVALID,
                        "the signature does not match the review's content (" + sound.firstLine() + ")");
            }
            if (!Files.isRegularFile(allowedSigners)) {
                return new SignatureCheck(SignatureCheck.Status.UNCHECKED,
                        "signed, but there is no " + allowedSignersName + " to say whose key it is");
            }
            ProcessRunner.Result verified = ProcessRunner.run(null, List.of(PROGRAM, "-Y", "verify", "-f",
                    allowedSigners.toString(), "-I", principal, "-n", NAMESPACE, "-s", sig.toString()), payload);
            if (verified.ok()) {
                return new SignatureCheck(SignatureCheck.Status.VALID, verified.firstLine());
            }
            ProcessRunner.Result whose = ProcessRunner.run(null, List.of(PROGRAM, "-Y", "find-principals", "-f",
                    allowedSigners.toString(), "-s", sig.toString()), null);
            String owner = whose.ok() ? " (it is " + String.join(", ", whose.out().strip().lines().toList())
                    + "'s)" : "";
            return new SignatureCheck(SignatureCheck.Status.UNKNOWN_KEY, "signed with a key " + allowedSignersName
                    + " does not list for " + principal + owner);
        } catch (IOException e) {
            return new SignatureCheck(SignatureCheck.Status.UNCHECKED, "cannot run ssh-keygen: " + e.getMessage());
        } finally {
            deleteQuietly(sig);
        }
    }

    private static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + path.substring(1));
        }
        return Path.of(path);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temp file left behind holds only a public key or a signature
            }
        }
    }
}

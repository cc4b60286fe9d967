package dev.redline.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed reviews with throwaway ed25519 keys and the real ssh-keygen: a review signed with the reviewer's allowed
 * key passes a gate that requires signatures; one edited after signing, one signed with a key the repository does
 * not list for the reviewer, and an unsigned one do not.
 */
class SignatureTest {

    private static final String SIDECAR = Shop.V2 + ".review.json";

    @TempDir
    Path dir;

    private GitRepo repo;
    private Path alice;
    private Path mallory;

    @BeforeEach
    void setUp() throws Exception {
        Path keys = Files.createDirectories(dir.resolve("keys"));
        alice = GitRepo.newKey(keys, "alice");
        mallory = GitRepo.newKey(keys, "mallory");
        repo = Shop.create(dir.resolve("repo"));
        repo.write(".redline/allowed_signers", "# who may sign reviews\n" + GitRepo.EMAIL
                + " namespaces=\"redline-review\" " + GitRepo.publicKey(alice) + "\n");
        repo.write(".redline/config.properties", "reviews.requireSignature=true\n");
    }

    @Test
    void aReviewSignedWithTheReviewersKeyPasses() {
        repo.signWith(alice);
        Cli signed = Shop.sign(repo, Shop.V2, "--verdict", "approve", "--confirm-all");
        assertEquals(0, signed.exitCode(), signed::toString);
        assertTrue(signed.out().contains("(signed)"), signed::toString);
        String file = repo.read(SIDECAR);
        assertTrue(file.contains("\"signature\": {\n    \"namespace\": \"redline-review\",\n    \"armored\": [\n"
                + "      \"-----BEGIN SSH SIGNATURE-----\","), file);

        Cli check = Shop.check(repo, "--mode", "enforce");
        assertEquals(0, check.exitCode(), check::toString);
        assertEquals("approved", Shop.review(check, Shop.V2));
        Map<String, Object> detail = Shop.detail(check, Shop.V2);
        assertEquals("valid", detail.get("signature"));
        assertTrue(((String) detail.get("reason")).endsWith("(signed)"), detail::toString);
    }

    @Test
    void aSignedReviewEditedAfterwardsIsInvalid() {
        repo.signWith(alice);
        assertEquals(0, Shop.sign(repo, Shop.V2, "--verdict", "reject", "--confirm-all", "--note", "no").exitCode());
        // Someone turns the rejection into an approval by hand, keeping the signature.
        repo.write(SIDECAR, repo.read(SIDECAR).replace("\"verdict\": \"reject\"", "\"verdict\": \"approve\""));

        Cli check = Shop.check(repo, "--mode", "enforce");
        assertEquals(1, check.exitCode(), check::toString);
        assertEquals("invalid", Shop.review(check, Shop.V2));
        assertTrue(((String) Shop.detail(check, Shop.V2).get("reason"))
                .startsWith(SIDECAR + ": the signature does not match the review's content"), check::toString);

        // Also when signatures are not required: a forged review is never trusted.
        repo.write(".redline/config.properties", "reviews.requireSignature=false\n");
        assertEquals("invalid", Shop.review(Shop.check(repo), Shop.V2));
    }

    @Test
    void aReviewSignedWithAnUnknownKeyDoesNotPass() {
        repo.signWith(mallory);
        assertEquals(0, Shop.sign(repo, Shop.V2, "--verdict", "approve", "--confirm-all").exitCode());

        Cli check = Shop.check(repo, "--mode", "enforce");
        assertEquals(1, check.exitCode(), check::toString);
        assertEquals("approved", Shop.review(check, Shop.V2), "approved, but not by a key the repository trusts");
        Map<String, Object> detail = Shop.detail(check, Shop.V2);
        assertEquals("unknown-key", detail.get("signature"));
        assertEquals(Boolean.TRUE, detail.get("blocksGate"));
        assertTrue(((String) detail.get("reason")).contains(
                "but signed with a key .redline/allowed_signers does not list for ada@example.com"), detail::toString);

        Cli text = Cli.run("check", "--mode", "enforce", repo.root());
        assertTrue(text.out().contains(Shop.V2 + ": approved: approved by Ada Lovelace"), text::toString);
    }

    @Test
    void anUnsignedReviewDoesNotPassAGateThatRequiresSignatures() {
        Cli refused = Shop.sign(repo, Shop.V2, "--verdict", "approve", "--confirm-all");
        assertEquals(2, refused.exitCode(), "git is not set up to sign: " + refused);
        assertTrue(refused.err().contains("reviews.requireSignature=true, but git is not set up to sign with SSH"),
                refused::toString);
        assertFalse(Files.exists(repo.path(SIDECAR)));

        // Written while signatures were optional (or by hand, or by a bot without the reviewer's key)...
        repo.write(".redline/config.properties", "reviews.requireSignature=false\n");
        assertEquals(0, Shop.sign(repo, Shop.V2, "--verdict", "approve", "--confirm-all").exitCode());
        assertEquals(0, Shop.check(repo, "--mode", "enforce").exitCode(), "optional signatures: it passes");

        // ...it does not pass once they are required.
        repo.write(".redline/config.properties", "reviews.requireSignature=true\n");
        Cli check = Shop.check(repo, "--mode", "enforce");
        assertEquals(1, check.exitCode(), check::toString);
        assertTrue(((String) Shop.detail(check, Shop.V2).get("reason")).endsWith(
                "but not signed, and .redline/config.properties sets reviews.requireSignature=true"), check::toString);
    }

    @Test
    void withoutAnAllowedSignersFileASignatureCannotBeVouchedFor() throws Exception {
        repo.signWith(alice);
        assertEquals(0, Shop.sign(repo, Shop.V2, "--verdict", "approve", "--confirm-all").exitCode());
        Files.delete(repo.path(".redline/allowed_signers"));

        Cli check = Shop.check(repo, "--mode", "enforce");
        assertEquals(1, check.exitCode(), check::toString);
        assertEquals("unchecked", Shop.detail(check, Shop.V2).get("signature"));

        repo.write(".redline/config.properties", "reviews.allowedSigners=config/reviewers\n"
                + "reviews.requireSignature=true\n");
        repo.write("config/reviewers", GitRepo.EMAIL + " " + GitRepo.publicKey(alice) + "\n");
        assertEquals(0, Shop.check(repo, "--mode", "enforce").exitCode(), "the configured allowed-signers file");
    }
}

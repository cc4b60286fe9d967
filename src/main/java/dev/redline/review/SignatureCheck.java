package dev.redline.review;

/**
 * What verifying a review's SSH signature found.
 *
 * @param detail one sentence for the reviewer: which key, or why it could not be checked
 */
public record SignatureCheck(Status status, String detail) {

    public enum Status {
        /** Signed by a key {@code .redline/allowed_signers} lists for the reviewer's email. */
        VALID("valid"),
        /** The signature does not match the file's content: it was changed after signing, or forged. */
        INVALID("invalid"),
        /** A sound signature, by a key the allowed-signers file does not list for the reviewer. */
        UNKNOWN_KEY("unknown-key"),
        /** The review carries no signature. */
        UNSIGNED("unsigned"),
        /** Could not be checked: no allowed-signers file, or no ssh-keygen. */
        UNCHECKED("unchecked");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public static SignatureCheck unsigned() {
        return new SignatureCheck(Status.UNSIGNED, "not signed");
    }
}

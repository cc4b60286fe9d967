package dev.redline.review;

/**
 * Where a migration stands with its sign-off. {@link #id()} is the public name, shown in {@code check}'s JSON
 * ({@code "review"}) and as the workbench's badge.
 */
public enum ReviewState {
    /** It has a destructive or risky finding and no review file. */
    MISSING("missing"),
    /** A reviewer approved exactly these bytes. */
    APPROVED("approved"),
    /** A reviewer rejected exactly these bytes. */
    REJECTED("rejected"),
    /** The migration's bytes changed since its review. */
    STALE("stale"),
    /** Nothing in it needs a sign-off (no destructive or risky finding), and it has no review file. */
    NOT_REQUIRED("not-required"),
    /** Its review file cannot be trusted: not JSON, a field missing or wrong, or a signature that does not match. */
    INVALID("invalid");

    private final String id;

    ReviewState(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}

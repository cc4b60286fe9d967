package dev.redline.core.model;

/** How bad a finding is. {@link #id()} is the public name. Ordered from worst to mildest. */
public enum Severity {
    DESTRUCTIVE("destructive"), RISKY("risky"), INFO("info");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether findings of this severity need a human's sign-off before the gate passes. */
    public boolean blocksGate() {
        return this != INFO;
    }

    public static Severity worst(Severity a, Severity b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}

package dev.redline.review;

/** What the reviewer decided. {@link #id()} is what {@code sign --verdict} takes and the review file records. */
public enum Verdict {
    APPROVE("approve"), REJECT("reject");

    private final String id;

    Verdict(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The verdict named {@code id}, or {@code null} when there is none. */
    public static Verdict fromId(String id) {
        for (Verdict v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        return null;
    }
}

package dev.redline.dryrun;

import java.util.Locale;

/**
 * What a database is for, as the user declared it in a connection profile. Only clones and branches may be
 * dry-run against; production is refused whatever else is said.
 */
public enum TargetRole {
    /** A restored copy of production, there to be experimented on. */
    CLONE("clone"),
    /** A copy-on-write branch (Neon, Supabase branching, …). */
    BRANCH("branch"),
    /** The real thing: never a dry-run target. */
    PRODUCTION("production");

    private final String id;

    TargetRole(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static TargetRole fromId(String id) {
        for (TargetRole r : values()) {
            if (r.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + id + "' (expected clone, branch or production)");
    }
}

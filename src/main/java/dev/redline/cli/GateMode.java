package dev.redline.cli;

/** Whether a failed gate fails the command (enforce) or is only reported (advisory). */
public enum GateMode {
    ADVISORY("advisory"), ENFORCE("enforce");

    private final String id;

    GateMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    static GateMode fromId(String id) throws UsageException {
        for (GateMode m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new UsageException("unknown --mode '" + id + "' (expected advisory or enforce)");
    }
}

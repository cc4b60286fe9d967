package dev.redline.core.model;

/** The migration tools Redline understands. {@link #id()} is the public name used in JSON and review files. */
public enum Tool {
    FLYWAY("flyway", "Flyway"),
    GOOSE("goose", "goose"),
    DBMATE("dbmate", "dbmate"),
    GOLANG_MIGRATE("golang-migrate", "golang-migrate"),
    PRISMA("prisma", "Prisma"),
    SUPABASE("supabase", "Supabase"),
    DIESEL("diesel", "Diesel"),
    SQITCH("sqitch", "Sqitch"),
    PLAIN("plain", "plain SQL");

    private final String id;
    private final String displayName;

    Tool(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * Whether the tool decides the transaction a migration runs in. Sqitch and plain SQL scripts are run as written
     * (by psql, usually), so a script is atomic only if it wraps itself in BEGIN … COMMIT.
     */
    public boolean managesTransactions() {
        return this != SQITCH && this != PLAIN;
    }

    public static Tool fromId(String id) {
        for (Tool t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tool: " + id);
    }
}

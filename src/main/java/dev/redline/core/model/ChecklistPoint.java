package dev.redline.core.model;

/** The six questions every risky migration must have answered by a human. */
public enum ChecklistPoint {
    DROPS(1, "What does it DROP?"),
    TYPE_CHANGES(2, "What types does it CHANGE?"),
    CONSTRAINTS(3, "What constraints could FAIL on existing data (NOT NULL, UNIQUE, FK, CHECK)?"),
    RENAMES(4, "What does it RENAME?"),
    TRANSACTION(5, "Does it run in a TRANSACTION?"),
    LOCKS(6, "Could it LOCK a table for more than a second on production-sized data?");

    private final int number;
    private final String question;

    ChecklistPoint(int number, String question) {
        this.number = number;
        this.question = question;
    }

    public int number() {
        return number;
    }

    public String question() {
        return question;
    }
}

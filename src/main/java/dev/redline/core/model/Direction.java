package dev.redline.core.model;

/** Whether a script applies a change or reverts one (down, undo and revert scripts). */
public enum Direction {
    UP("up"), DOWN("down");

    private final String id;

    Direction(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}

package dev.redline.dryrun;

/** The work was stopped by {@link Cancellation#cancel()}; whatever it had started was undone or thrown away. */
public final class Cancelled extends Exception {
    private static final long serialVersionUID = 1L;

    public Cancelled(String message) {
        super(message);
    }
}

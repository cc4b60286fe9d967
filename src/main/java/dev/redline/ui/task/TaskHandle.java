package dev.redline.ui.task;

/** A started background task. */
@FunctionalInterface
public interface TaskHandle {

    /** Asks the work to stop (it sees {@link Progress#cancelled()}) and drops its result. */
    void cancel();

    TaskHandle DONE = () -> { };
}

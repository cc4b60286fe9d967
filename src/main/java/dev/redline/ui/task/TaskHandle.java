package dev.redline.ui.task;

/** A started background task. */
public interface TaskHandle {

    /** Asks the work to stop (it sees {@link Progress#cancelled()}) and drops its result. */
    void cancel();

    boolean isDone();

    TaskHandle DONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };
}

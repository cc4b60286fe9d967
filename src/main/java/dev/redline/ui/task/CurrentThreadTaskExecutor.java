package dev.redline.ui.task;

/**
 * Runs each task at once on the calling thread, callbacks included. For tests and benchmarks of view models: what
 * the FX executor would do over several threads happens here in one call, deterministically.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    private int executed;

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        executed++;
        T result;
        try {
            result = task.call(new Progress() {
                @Override
                public void update(String message, double fraction) {
                    task.progressed(message, fraction);
                }

                @Override
                public boolean cancelled() {
                    return false;
                }
            });
        } catch (Exception e) {
            task.failed(e);
            return TaskHandle.DONE;
        }
        task.succeeded(result);
        return TaskHandle.DONE;
    }

    /** How many tasks ran, so tests can tell whether work was (re)scheduled. */
    public int executed() {
        return executed;
    }

    @Override
    public void shutdown() {
    }
}

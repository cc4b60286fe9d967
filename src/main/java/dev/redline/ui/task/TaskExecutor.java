package dev.redline.ui.task;

/**
 * Runs work off the UI thread and reports back on it. The one way the workbench does background work, so view
 * models can be driven in tests by {@link CurrentThreadTaskExecutor} without a toolkit or a window.
 */
public interface TaskExecutor {

    /**
     * Starts the task. Its callbacks ({@code onSuccess}, {@code onFailure}, {@code onProgress}) run on the UI thread;
     * none runs after {@link TaskHandle#cancel()}.
     */
    <T> TaskHandle execute(BackgroundTask<T> task);

    /** Stops accepting work and interrupts what runs; for the window's close. */
    void shutdown();
}

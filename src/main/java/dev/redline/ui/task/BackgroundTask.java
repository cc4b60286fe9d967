package dev.redline.ui.task;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A unit of background work and what to do with its outcome, configured fluently:
 * {@code BackgroundTask.of(p -> analyse(p)).onSuccess(this::show).onFailure(this::report)}.
 *
 * @param <T> the result
 */
public final class BackgroundTask<T> {

    /** The work itself; runs on a worker thread and may throw. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    private final Work<T> work;
    private Consumer<T> onSuccess = r -> { };
    private Consumer<Throwable> onFailure = e -> { };
    private BiConsumer<String, Double> onProgress = (m, f) -> { };
    private Runnable onFinished = () -> { };

    private BackgroundTask(Work<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    public BackgroundTask<T> onSuccess(Consumer<T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    public BackgroundTask<T> onProgress(BiConsumer<String, Double> handler) {
        this.onProgress = Objects.requireNonNull(handler);
        return this;
    }

    /** Runs after success or failure (not after cancel). */
    public BackgroundTask<T> onFinished(Runnable handler) {
        this.onFinished = Objects.requireNonNull(handler);
        return this;
    }

    public T call(Progress progress) throws Exception {
        return work.call(progress);
    }

    public void succeeded(T result) {
        try {
            onSuccess.accept(result);
        } finally {
            onFinished.run();
        }
    }

    public void failed(Throwable error) {
        try {
            onFailure.accept(error);
        } finally {
            onFinished.run();
        }
    }

    public void progressed(String message, double fraction) {
        onProgress.accept(message, fraction);
    }
}

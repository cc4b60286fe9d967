package dev.redline.ui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;

/** Runs tasks as {@link Task}s on a small pool of daemon threads; callbacks arrive on the FX thread. */
public final class FxTaskExecutor implements TaskExecutor {

    private final ExecutorService pool;

    public FxTaskExecutor() {
        this(Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    public FxTaskExecutor(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "redline-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1); // keep the FX thread snappy while analysing
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        Task<T> fx = new Task<>() {
            @Override
            protected T call() throws Exception {
                return task.call(new Progress() {
                    @Override
                    public void update(String message, double fraction) {
                        updateMessage(message);
                        updateProgress(fraction < 0 ? -1 : fraction, fraction < 0 ? -1 : 1);
                    }

                    @Override
                    public boolean cancelled() {
                        return isCancelled();
                    }
                });
            }
        };
        fx.messageProperty().addListener((o, was, message) -> {
            if (!fx.isCancelled()) {
                task.progressed(message, fx.getProgress());
            }
        });
        fx.setOnSucceeded(e -> task.succeeded(fx.getValue()));
        fx.setOnFailed(e -> task.failed(fx.getException()));
        pool.execute(fx);
        return () -> fx.cancel(true);
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}

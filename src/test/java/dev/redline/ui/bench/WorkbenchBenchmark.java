package dev.redline.ui.bench;

import dev.redline.ui.FolderWatch;
import dev.redline.ui.Workbench;
import dev.redline.ui.dialog.FxDialogService;
import dev.redline.ui.migrations.MigrationEntry;
import dev.redline.ui.project.WorkbenchSettings;
import dev.redline.ui.task.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;

/**
 * Measures the workbench's speed targets in the real window (run under a display, e.g. Xvfb; see
 * bench/ui-bench.sh), not as a timed unit test:
 * <ol>
 *   <li>opening a large project (LemmyNet/lemmy, 684 files) until the full list with badges is on screen;</li>
 *   <li>how long the FX thread was unable to draw meanwhile (the longest gap between two pulses);</li>
 *   <li>a 5,000-line migration: time to show it coloured, frame times while scrolling and while typing (with the
 *       debounced re-analysis landing between bursts of keys).</li>
 * </ol>
 * Prints a table; the figures go into the README.
 */
public final class WorkbenchBenchmark {

    private static final StringBuilder REPORT = new StringBuilder();

    private WorkbenchBenchmark() {
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        Path corpus = Path.of(System.getProperty("redline.corpus", "../shared/corpus"));
        Path lemmy = corpus.resolve("LemmyNet__lemmy").toAbsolutePath().normalize();
        if (!Files.isDirectory(lemmy)) {
            System.err.println("corpus not found: " + lemmy + " (set -Dredline.corpus)");
            System.exit(2);
        }
        int runs = Integer.getInteger("runs", 5);
        Path work = Files.createTempDirectory("redline-ui-bench");
        Path small = Files.createDirectories(work.resolve("small"));
        Files.writeString(small.resolve("V1__a.sql"), "CREATE TABLE a (id int);\n");
        Path big = Files.createDirectories(work.resolve("big/db/migration"));
        Files.writeString(big.resolve("V1__accounts.sql"), BigMigration.create());
        String bigText = BigMigration.text(5_000);
        Files.writeString(big.resolve("V2__big.sql"), bigText);

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        FrameMonitor monitor = new FrameMonitor();
        Workbench workbench = onFx(() -> {
            Stage stage = new Stage();
            Workbench w = new Workbench(stage, new FxTaskExecutor(), WorkbenchSettings.load(work.resolve("cfg")),
                    FolderWatch.NONE, FxDialogService::new);
            stage.show();
            monitor.start();
            return w;
        });
        Thread.sleep(500);
        line("java %s, %s, %d cpus, prism %s", System.getProperty("java.version"), System.getProperty("os.name"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("prism.order", "default"));

        // 1. open lemmy: cold first, then warm; a small project in between so each is a real project switch
        List<Double> opens = new ArrayList<>();
        List<Double> stalls = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            open(workbench, small, 1);
            onFx(() -> {
                monitor.reset();
                return null;
            });
            long t0 = System.nanoTime();
            open(workbench, lemmy, 684);
            long shown = nextFrame(monitor);
            opens.add((shown - t0) / 1e6);
            stalls.add(onFx(() -> max(monitor.gaps())));
        }
        line("");
        line("Open LemmyNet/lemmy (684 migrations) until the full list with badges is drawn:");
        line("  cold (first open in the JVM): %.0f ms", opens.get(0));
        line("  warm: %s ms (median %.0f)", fmt(opens.subList(1, opens.size())), median(opens.subList(1, opens.size())));
        line("  longest FX-thread stall during an open: cold %.0f ms, warm max %.0f ms", stalls.get(0),
                max(stalls.subList(1, stalls.size())));
        int badges = onFx(() -> (int) workbench.model().migrations().entries().stream()
                .map(MigrationEntry::status).count());
        line("  rows with a badge: %d", badges);

        // 2. a 5,000-line migration
        Path bigProject = big.getParent().getParent();
        open(workbench, bigProject, 2);
        CodeArea area = workbench.view().editor().area();
        onFx(() -> {
            workbench.model().migrations().select(workbench.model().migrations().entries().get(0).migration());
            return null;
        });
        waitFor(() -> onFxQuiet(() -> area.getLength() == BigMigration.create().length()));
        Thread.sleep(300);
        onFx(() -> {
            monitor.reset();
            return null;
        });
        long t0 = System.nanoTime();
        onFx(() -> {
            var m = workbench.model().migrations().entries().get(1).migration();
            workbench.model().migrations().select(m);
            return null;
        });
        waitFor(() -> onFxQuiet(() -> area.getLength() == bigText.length()), () -> onFxQuiet(() -> {
            System.err.println("editor shows " + workbench.model().editor().migrationProperty().get() + ", "
                    + area.getLength() + " chars of " + bigText.length() + "; notice "
                    + workbench.model().editor().noticeProperty().get());
            return true;
        }));
        long textShown = nextFrame(monitor);
        waitFor(() -> onFxQuiet(() -> workbench.model().editor().highlightProperty().get() != null
                && workbench.model().editor().highlightProperty().get().text().length() == bigText.length()
                && area.getStyleOfChar(bigText.indexOf("DROP COLUMN") + 1).contains("destructive")));
        long coloured = nextFrame(monitor);
        double openStall = onFx(() -> max(monitor.gaps()));
        int findings = onFx(() -> workbench.model().editor().analysis().findings().size());
        line("");
        line("A 5,000-line migration (%d KB, %d findings):", bigText.length() / 1024, findings);
        line("  shown: %.0f ms; coloured with findings: %.0f ms; longest stall %.0f ms", (textShown - t0) / 1e6,
                (coloured - t0) / 1e6, openStall);

        // scrolling: a wheel notch (3 lines) per frame through the file, then jumps to random pages
        double[] scroll = perFrame(monitor, 300, frame -> area.scrollYBy(3 * 18));
        line("  scrolling (a wheel notch per frame, 300 frames): frame time median %.1f ms, p95 %.1f ms, max %.1f ms",
                median(scroll), percentile(scroll, 95), max(scroll));
        java.util.Random random = new java.util.Random(7);
        double[] jumps = perFrame(monitor, 100, frame -> area.showParagraphAtTop(random.nextInt(5_000)));
        line("  page jumps (random line per frame, 100 frames): median %.1f ms, p95 %.1f ms, max %.1f ms",
                median(jumps), percentile(jumps, 95), max(jumps));

        // typing in the middle of the file: bursts of 12 keys one frame apart, then a pause long enough for the
        // debounced re-analysis to land, 10 times
        onFx(() -> {
            int at = bigText.indexOf("-- step 300:");
            area.moveTo(at);
            area.showParagraphAtCenter(area.getCurrentParagraph());
            area.requestFocus();
            return null;
        });
        Thread.sleep(300);
        List<Double> keyFrames = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (int burst = 0; burst < 10; burst++) {
            double[] keys = perFrame(monitor, 12, frame -> area.replaceSelection(frame % 2 == 0 ? "x" : "y"));
            for (double k : keys) {
                keyFrames.add(k);
            }
            onFx(() -> {
                monitor.reset();
                return null;
            });
            Thread.sleep(700); // the pause: re-analysis runs and its colours are applied
            for (double g : onFx(monitor::gaps)) {
                all.add(g);
            }
        }
        double[] k = keyFrames.stream().mapToDouble(Double::doubleValue).toArray();
        double[] pauses = all.stream().mapToDouble(Double::doubleValue).toArray();
        line("  typing (120 keys in bursts): frame time per key median %.1f ms, p95 %.1f ms, max %.1f ms",
                median(k), percentile(k, 95), max(k));
        line("  while the re-analysis lands after each burst: longest frame %.1f ms", max(pauses));
        boolean reanalysed = onFx(() -> workbench.model().editor().analysis().source().text().equals(area.getText()));
        line("  re-analysis caught up with the typed text: %s", reanalysed);

        Files.writeString(Path.of(System.getProperty("bench.out", "bench/out/ui-bench.txt")), REPORT.toString());
        Platform.exit();
        System.exit(0);
    }

    private static void open(Workbench workbench, Path project, int expected) throws Exception {
        onFx(() -> {
            workbench.open(project);
            return null;
        });
        waitFor(() -> onFxQuiet(() -> workbench.model().project().root() != null
                && workbench.model().project().root().equals(project.toAbsolutePath().normalize())
                && workbench.model().migrations().entries().size() == expected
                && !workbench.model().project().busyProperty().get()), () -> onFxQuiet(() -> {
                    System.err.println("open " + project + ": root " + workbench.model().project().root() + ", "
                            + workbench.model().migrations().entries().size() + " rows, busy "
                            + workbench.model().project().busyProperty().get() + ", notice "
                            + workbench.model().project().noticeProperty().get());
                    return true;
                }));
    }

    /** Runs an action at the start of each of {@code n} frames; returns the frame times that followed them. */
    private static double[] perFrame(FrameMonitor monitor, int n, java.util.function.IntConsumer action)
            throws Exception {
        CompletableFuture<double[]> done = new CompletableFuture<>();
        int[] count = {0};
        long[] last = {0};
        double[] times = new double[n];
        Platform.runLater(() -> monitor.onFrame(now -> {
            if (count[0] > 0) {
                times[count[0] - 1] = (now - last[0]) / 1e6;
            }
            if (count[0] == n) {
                monitor.onFrame(t -> { });
                done.complete(times);
                return;
            }
            action.accept(count[0]);
            last[0] = now;
            count[0]++;
        }));
        return done.get(120, TimeUnit.SECONDS);
    }

    /** The time of the next pulse after everything queued so far: the frame that draws the current state. */
    private static long nextFrame(FrameMonitor monitor) throws Exception {
        CompletableFuture<Long> at = new CompletableFuture<>();
        Platform.runLater(() -> monitor.onFrame(now -> {
            monitor.onFrame(t -> { });
            Platform.runLater(() -> at.complete(System.nanoTime()));
        }));
        return at.get(30, TimeUnit.SECONDS);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    private static boolean onFxQuiet(java.util.concurrent.Callable<Boolean> check) {
        try {
            return onFx(check);
        } catch (Exception e) {
            return false;
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        waitFor(condition, () -> true);
    }

    private static void waitFor(BooleanSupplier condition, BooleanSupplier onTimeout) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                onTimeout.getAsBoolean();
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(2);
        }
    }

    private static void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        REPORT.append(s).append('\n');
        System.out.println(s);
    }

    private static String fmt(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
    }

    private static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double median(double[] values) {
        return percentile(values, 50);
    }

    private static double percentile(double[] values, int p) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}

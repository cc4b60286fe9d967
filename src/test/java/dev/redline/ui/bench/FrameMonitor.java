package dev.redline.ui.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;

/**
 * Records every pulse of the FX thread. With an AnimationTimer running, JavaFX pulses about 60 times a second; a
 * longer gap between two pulses is time the FX thread could not draw: the lag a user would see. Touched on the FX
 * thread only.
 */
final class FrameMonitor extends AnimationTimer {

    private final List<Long> frames = new ArrayList<>();
    private LongConsumer onFrame = t -> { };

    @Override
    public void handle(long now) {
        frames.add(now);
        onFrame.accept(now);
    }

    void onFrame(LongConsumer action) {
        this.onFrame = action;
    }

    void reset() {
        frames.clear();
    }

    /** Gaps between consecutive pulses, in milliseconds. */
    double[] gaps() {
        double[] g = new double[Math.max(0, frames.size() - 1)];
        for (int i = 1; i < frames.size(); i++) {
            g[i - 1] = (frames.get(i) - frames.get(i - 1)) / 1e6;
        }
        return g;
    }

    int frames() {
        return frames.size();
    }
}

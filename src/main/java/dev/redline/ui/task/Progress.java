package dev.redline.ui.task;

/** What a running task may tell the UI, and ask it. Safe to call from the worker thread. */
public interface Progress {

    /**
     * @param fraction 0–1, or negative when unknown
     */
    void update(String message, double fraction);

    boolean cancelled();

    /** For work run outside any executor (benchmarks, tests). */
    Progress NONE = new Progress() {
        @Override
        public void update(String message, double fraction) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}

package dev.redline.ui.dryrun;

import dev.redline.dryrun.Cancellation;
import dev.redline.dryrun.DryRunReport;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Runs one migration's dry-run on the calling (worker) thread; a fake stands in for it in view-model tests. */
@FunctionalInterface
public interface DryRunService {

    /**
     * @param status told what is happening (on the worker thread), including what the target is before anything runs
     * @throws DryRunRefused with a message to show as it is (production target, no connection, bad URL…)
     */
    DryRunReport run(Path projectDir, Path migration, DryRunTarget target, Consumer<String> status,
                     Confirm confirm, Cancellation cancellation) throws DryRunRefused;

    /**
     * Asks the user, from the worker thread, whether to go on now that the target is known (what it is: database,
     * user, role, server version). Blocks until answered; false stops the dry-run before anything ran.
     */
    @FunctionalInterface
    interface Confirm {
        boolean proceed(String target);

        Confirm ALWAYS = target -> true;
    }

    /** A dry-run that did not start or stopped before a report: the message is for the user. */
    final class DryRunRefused extends Exception {
        private static final long serialVersionUID = 1L;

        public DryRunRefused(String message) {
            super(message);
        }
    }
}

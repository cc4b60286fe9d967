package dev.redline;

import dev.redline.cli.CommandLine;
import dev.redline.cli.ExitCode;
import dev.redline.ui.RedlineApp;

/**
 * The jar's entry point. Deliberately not a JavaFX {@code Application}: headless commands ({@code check}, CI runs
 * on machines without a display) must never load a JavaFX class, so the workbench is started through a static
 * call that only executes when the arguments ask for it. See docs/decisions/0001-cli-and-launcher.md.
 */
public final class Redline {

    private Redline() {
    }

    public static void main(String[] args) {
        if (CommandLine.opensWorkbench(args)) {
            try {
                RedlineApp.launchWorkbench(args);
            } catch (RuntimeException e) {
                // Typically no display (a server, a container): say so, and point at the headless command.
                System.err.println("redline: cannot open the workbench: " + e.getMessage());
                System.err.println("To review migrations without a display, run: redline check PATH");
                System.exit(ExitCode.INTERNAL_ERROR.code());
            }
            return;
        }
        System.exit(new CommandLine().run(args, System.out, System.err));
    }
}

package dev.redline.cli;

import java.io.Console;

/** Asks the reviewer at a terminal, one line at a time; tests script it. */
@FunctionalInterface
interface SignPrompter {

    /** Prints {@code prompt} and returns the line typed, or {@code null} at the end of input. */
    String ask(String prompt);

    /** Asks through the terminal, or {@code null} when there is none (CI, a pipe): then sign needs --confirm-all. */
    static SignPrompter forConsole(Console console) {
        return console == null ? null : prompt -> console.readLine("%s", prompt);
    }
}

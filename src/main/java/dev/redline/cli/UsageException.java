package dev.redline.cli;

/** The command line cannot be acted on. Its message says why, in a form fit to print after {@code redline: }. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}

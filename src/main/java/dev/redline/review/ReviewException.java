package dev.redline.review;

/**
 * A review could not be recorded or read as asked: a configuration that cannot be read, a missing reviewer, a
 * signing that failed, a file that cannot be written. The message names the file and says what is wrong, fit to
 * print after {@code redline: }.
 */
public final class ReviewException extends Exception {

    private static final long serialVersionUID = 1L;

    public ReviewException(String message) {
        super(message);
    }

    public ReviewException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.redline.cli;

import java.util.List;

/**
 * Walks a command's arguments the way every Redline command reads them: {@code --name value} and
 * {@code --name=value}, flags, operands, {@code -} as an operand, and {@code --} ending the options. One reader per
 * parse:
 *
 * <pre>{@code
 * ArgReader r = new ArgReader(args);
 * while (r.next()) {
 *     if (r.isOperand()) { paths.add(r.argument()); continue; }
 *     switch (r.option()) {
 *         case "--all-sql" -> { r.noValue(); allSql = true; }
 *         case "--format" -> format = OutputFormat.fromId(r.value());
 *         default -> throw r.unknown("check");
 *     }
 * }
 * }</pre>
 */
final class ArgReader {

    private final List<String> args;
    private int at = -1;
    private boolean optionsEnded;
    private String option;
    private String inline;

    ArgReader(List<String> args) {
        this.args = args;
    }

    /** Moves to the next argument (skipping the {@code --} that ends the options); {@code false} at the end. */
    boolean next() {
        while (++at < args.size()) {
            String arg = args.get(at);
            if (!optionsEnded && arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            option = null;
            inline = null;
            if (!isOperand()) {
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    option = arg.substring(0, eq);
                    inline = arg.substring(eq + 1);
                } else {
                    option = arg;
                }
            }
            return true;
        }
        return false;
    }

    /** The current argument as typed. */
    String argument() {
        return args.get(at);
    }

    /** Whether the current argument is an operand: after {@code --}, not starting with {@code -}, or {@code -}. */
    boolean isOperand() {
        String arg = args.get(at);
        return optionsEnded || !arg.startsWith("-") || arg.equals("-");
    }

    /** The current option's name, without an {@code =value}. */
    String option() {
        return option;
    }

    /** The current option's value: after its {@code =}, or the next argument. */
    String value() throws UsageException {
        if (inline != null) {
            return inline;
        }
        if (at + 1 >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(++at);
    }

    /** Refuses an {@code =value} on a flag. */
    void noValue() throws UsageException {
        if (inline != null) {
            throw new UsageException(option + " takes no value");
        }
    }

    /** The error for an option {@code command} does not have. */
    UsageException unknown(String command) {
        return new UsageException("unknown option '" + option + "' for " + command);
    }
}

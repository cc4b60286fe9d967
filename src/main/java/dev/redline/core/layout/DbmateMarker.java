package dev.redline.core.layout;

import dev.redline.core.model.Direction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dbmate {@code -- migrate:up} or {@code -- migrate:down} line, with its options (dbmate reads
 * {@code transaction:false} there to run that section outside a transaction).
 */
record DbmateMarker(Direction direction, boolean transaction) {

    private static final Pattern MARKER = Pattern.compile("^--\\s*migrate:(up|down)(?:\\s+(.*))?$");
    private static final Pattern NO_TRANSACTION = Pattern.compile("(?:^|\\s)transaction:false(?:\\s|$)");

    /** The marker on this line, or {@code null} when the line is not one. */
    static DbmateMarker parse(String line) {
        Matcher m = MARKER.matcher(Lines.trimmed(line));
        if (!m.matches()) {
            return null;
        }
        Direction d = m.group(1).equals("up") ? Direction.UP : Direction.DOWN;
        String options = m.group(2) == null ? "" : m.group(2);
        return new DbmateMarker(d, !NO_TRANSACTION.matcher(options).find());
    }
}

package dev.redline.core.layout;

import dev.redline.core.model.Direction;
import dev.redline.core.model.ScriptSection;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a dbmate file into the section of one direction: the text after {@code -- migrate:up} up to the next
 * marker (or after {@code -- migrate:down} to the end). dbmate wraps each section in a transaction unless its
 * marker line says {@code transaction:false}.
 */
final class DbmateSections {

    private DbmateSections() {
    }

    static List<ScriptSection> cut(String text, Direction wanted) {
        List<ScriptSection> sections = new ArrayList<>();
        DbmateMarker current = null;
        int open = -1;
        for (Lines.Line line : Lines.of(text)) {
            DbmateMarker marker = DbmateMarker.parse(line.text(text));
            if (marker == null) {
                continue;
            }
            close(sections, text, current, wanted, open, line.start());
            current = marker;
            open = line.next();
        }
        close(sections, text, current, wanted, open, text.length());
        return sections;
    }

    private static void close(List<ScriptSection> sections, String text, DbmateMarker marker, Direction wanted,
                              int start, int end) {
        if (marker != null && marker.direction() == wanted) {
            GooseSections.add(sections, text, start, end, marker.transaction());
        }
    }
}

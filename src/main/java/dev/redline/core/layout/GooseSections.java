package dev.redline.core.layout;

import dev.redline.core.model.Direction;
import dev.redline.core.model.ScriptProblem;
import dev.redline.core.model.ScriptSection;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a goose file into the sections of one direction. The Up part runs from {@code -- +goose Up} to
 * {@code -- +goose Down}; each {@code StatementBegin}..{@code StatementEnd} block becomes a section of its own, so
 * the statement splitter never splits a block that goose sends as one statement. Marker lines are left out.
 * {@code -- +goose NO TRANSACTION} anywhere in the file makes goose run both directions without a transaction.
 */
final class GooseSections {

    private GooseSections() {
    }

    record Cut(List<ScriptSection> sections, List<ScriptProblem> problems) {
    }

    static Cut cut(String text, Direction wanted, String fileLabel) {
        List<Lines.Line> lines = Lines.of(text);
        boolean noTransaction = false;
        for (Lines.Line line : lines) {
            if (GooseAnnotation.parse(text, line.start(), line.end()) == GooseAnnotation.NO_TRANSACTION) {
                noTransaction = true;
                break;
            }
        }
        Boolean inTransaction = !noTransaction;
        List<ScriptSection> sections = new ArrayList<>();
        List<ScriptProblem> problems = new ArrayList<>();
        Direction mode = null; // before the first Up/Down marker goose runs nothing
        int open = -1;
        int blockLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            Lines.Line line = lines.get(i);
            GooseAnnotation a = GooseAnnotation.parse(text, line.start(), line.end());
            if (a == null) {
                continue;
            }
            add(sections, text, mode == wanted ? open : -1, line.start(), inTransaction);
            switch (a) {
                case UP -> mode = Direction.UP;
                case DOWN -> mode = Direction.DOWN;
                case STATEMENT_BEGIN -> blockLine = i + 1;
                case STATEMENT_END -> blockLine = -1;
                default -> {
                    // NO TRANSACTION and ENVSUB only steer goose; the line itself is not SQL
                }
            }
            open = line.next();
        }
        add(sections, text, mode == wanted ? open : -1, text.length(), inTransaction);
        if (blockLine > 0) {
            problems.add(new ScriptProblem(fileLabel + ": -- +goose StatementBegin on line " + blockLine
                    + " has no StatementEnd; goose would refuse this file", blockLine));
        }
        return new Cut(sections, problems);
    }

    /** Whether {@code text[start, end)} is only whitespace, as {@link String#isBlank()} judges it. */
    private static boolean blank(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Adds {@code [start, end)} unless it is empty or only whitespace (nothing for goose to run). */
    static void add(List<ScriptSection> sections, String text, int start, int end, Boolean inTransaction) {
        if (start < 0 || start >= end || blank(text, start, end)) {
            return;
        }
        sections.add(new ScriptSection(start, end, inTransaction));
    }
}

package dev.redline.core.model;

/** Something wrong with a script as a file (unreadable, not UTF-8, binary, too large), or a statement-level note. */
public record ScriptProblem(String message, Integer line) {
}

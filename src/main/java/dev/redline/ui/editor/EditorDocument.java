package dev.redline.ui.editor;

import java.nio.file.Path;

/**
 * One file open in the editor: what is on disk (as last read or written) and the user's text when it differs.
 * Keyed by file, so the up and down sections of one goose file share their edits. Touched on the FX thread only.
 */
final class EditorDocument {

    /** What the editor must ask the user about this file. */
    enum Conflict {
        /** Changed on disk by another program while it had unsaved edits here. */
        CHANGED_ON_DISK,
        /** Saving found that the file changed on disk since it was read. */
        CHANGED_BEFORE_SAVE,
        /** Deleted or moved away on disk. */
        DELETED
    }

    final Path file;
    /** The text as on disk, or null when the file could not be read as text. */
    String savedText;
    /** {@link #savedText} as the editor shows it: lines ending in {@code \n} (see {@link LineEndings}). */
    String shownSavedText;
    /** Whether the file ends its lines in {@code \r\n}, so saving writes them back so. */
    boolean crlf;
    /** SHA-256 of the bytes on disk when last read or written; null when unknown. */
    String diskSha;
    /** The user's text when it differs from {@link #savedText}; null otherwise. */
    String editedText;
    /** Set when a conflict needs the user's decision; {@link #diskText} holds the disk's version. */
    Conflict conflict;
    String diskText;
    String diskTextSha;

    EditorDocument(Path file, String savedText, String diskSha) {
        this.file = file;
        this.diskSha = diskSha;
        setSaved(savedText);
    }

    /** Records what is on disk now (null: not readable as text). */
    void setSaved(String text) {
        savedText = text;
        shownSavedText = text == null ? null : LineEndings.normalise(text);
        crlf = text != null && LineEndings.usesCrlf(text);
    }

    /** Whether the analysis of the file on disk has offsets the editor's text does not (carriage returns). */
    boolean shownDiffersFromDisk() {
        return savedText != null && savedText.length() != shownSavedText.length();
    }

    /** The text the editor shows: the user's, or the file's, with {@code \n} line ends. */
    String text() {
        return editedText != null ? editedText : shownSavedText;
    }

    /** The bytes' text to write: the user's text with the file's line endings. */
    String textToSave() {
        return LineEndings.restore(text(), crlf);
    }

    boolean dirty() {
        return editedText != null || conflict == Conflict.DELETED;
    }

    boolean readable() {
        return savedText != null || editedText != null;
    }

    void setText(String text) {
        editedText = text.equals(shownSavedText) ? null : text;
    }
}

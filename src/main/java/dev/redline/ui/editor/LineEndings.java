package dev.redline.ui.editor;

/**
 * The editor shows lines ending in {@code \n} only (RichTextFX drops the {@code \r} of {@code \r\n}), while a file
 * may end its lines in {@code \r\n}. The editor works on the normalised text and writes the file's own line endings
 * back when saving, so a Windows-edited migration keeps its bytes except where the user typed.
 */
final class LineEndings {

    private LineEndings() {
    }

    /** Whether the text has any carriage return the editor would not show. */
    static boolean needsNormalising(String text) {
        return text.indexOf('\r') >= 0;
    }

    /** Ends every line in {@code \n}: {@code \r\n} and a lone {@code \r} both become {@code \n}. */
    static String normalise(String text) {
        if (!needsNormalising(text)) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Whether the file's lines end in {@code \r\n} (its first line break decides). */
    static boolean usesCrlf(String text) {
        int nl = text.indexOf('\n');
        return nl > 0 && text.charAt(nl - 1) == '\r';
    }

    /** The editor's text with the file's line endings. */
    static String restore(String shown, boolean crlf) {
        return crlf ? shown.replace("\n", "\r\n") : shown;
    }
}

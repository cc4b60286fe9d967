package dev.redline.ui.editor;

import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * Style classes for {@code text}, whole and cut into paragraphs. The view applies them only while its text is still
 * exactly this, and only to the paragraphs whose styles changed.
 */
public record Highlight(String text, StyleSpans<Collection<String>> spans,
                        List<StyleSpans<Collection<String>>> paragraphs) {

    static Highlight of(String text, StyleSpans<Collection<String>> spans) {
        return new Highlight(text, spans, SqlHighlighting.byParagraph(text, spans));
    }
}

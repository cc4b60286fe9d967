package dev.redline.ui.editor;

import dev.redline.core.model.Finding;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * Style classes for {@code text}, whole and cut into paragraphs. The view applies them only while its text is still
 * exactly this, and only to the paragraphs whose styles changed.
 */
public record Highlight(String text, StyleSpans<Collection<String>> spans,
                        List<StyleSpans<Collection<String>>> paragraphs) {

    /** Computes the styles of {@code text} with the spans of {@code findings} (see {@link SqlHighlighting}). */
    static Highlight of(String text, List<Finding> findings) {
        StyleSpans<Collection<String>> spans = SqlHighlighting.compute(text, findings);
        return new Highlight(text, spans, SqlHighlighting.byParagraph(text, spans));
    }
}

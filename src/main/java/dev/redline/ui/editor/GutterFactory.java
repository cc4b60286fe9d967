package dev.redline.ui.editor;

import dev.redline.core.model.Finding;
import dev.redline.core.model.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * The editor's gutter for one analysis: the line number and, on the first line of each finding, a marker styled
 * {@code gutter-marker marker-destructive} (or {@code -risky}, {@code -info}) with the findings as its tooltip. Built
 * anew for each analysis, so no node stays bound to the editor (nothing leaks as lines scroll in and out).
 */
final class GutterFactory implements IntFunction<Node> {

    private final Map<Integer, List<Finding>> findingsByLine = new HashMap<>();
    /** What each marked line shows (its tooltip), to tell whether a new analysis changes the gutter at all. */
    private final Map<Integer, String> shown = new HashMap<>();
    private final String numberFormat;

    GutterFactory(List<Finding> findings, int lineCount) {
        for (Finding f : findings) {
            findingsByLine.computeIfAbsent(f.line() - 1, k -> new ArrayList<>()).add(f);
        }
        findingsByLine.forEach((line, here) -> shown.put(line, FindingText.hover(here)));
        int digits = Math.max(3, String.valueOf(Math.max(1, lineCount)).length());
        this.numberFormat = "%" + digits + "d";
    }

    /** Whether {@code other} draws the same markers, with their messages, and numbers of the same width. */
    boolean sameAs(IntFunction<? extends Node> other) {
        return other instanceof GutterFactory g && g.numberFormat.equals(numberFormat)
                && g.shown.equals(shown);
    }

    @Override
    public Node apply(int paragraph) {
        // plain shapes and text, not Labels: a page of a long file builds ~50 of these per scroll step
        Text number = new Text(String.format(numberFormat, paragraph + 1));
        number.getStyleClass().add("lineno");
        Region marker = new Region();
        marker.getStyleClass().add("gutter-marker");
        Severity worst = markerAt(paragraph);
        if (worst != null) {
            marker.getStyleClass().add("marker-" + SqlHighlighting.styleClass(worst));
            // the tooltip is made when the pointer first comes near: a long migration has a marker on most lines,
            // and building a tooltip for each line scrolled into view would cost more than drawing the line
            String text = shown.get(paragraph);
            marker.setOnMouseEntered(e -> {
                if (!marker.getProperties().containsKey(Tooltip.class)) {
                    Tooltip tip = new Tooltip(text);
                    tip.setWrapText(true);
                    tip.setMaxWidth(520);
                    tip.setShowDelay(Duration.millis(200));
                    Tooltip.install(marker, tip);
                    marker.getProperties().put(Tooltip.class, tip);
                }
            });
        }
        HBox box = new HBox(marker, number);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("gutter");
        return box;
    }

    /** The severity of the marker on a 0-based line (its findings' worst), or null when it has none. */
    Severity markerAt(int paragraph) {
        List<Finding> here = findingsByLine.get(paragraph);
        if (here == null) {
            return null;
        }
        Severity worst = null;
        for (Finding f : here) {
            worst = Severity.worst(worst, f.severity());
        }
        return worst;
    }
}

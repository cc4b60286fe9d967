package dev.redline.ui.editor;

import dev.redline.core.model.Finding;
import dev.redline.core.model.Severity;
import dev.redline.core.sql.Lexer;
import dev.redline.core.sql.Token;
import dev.redline.core.sql.TokenKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.model.StyledDocument;

/**
 * The editor's style classes for a text: syntax classes from Redline's own lexer ({@code keyword}, {@code string},
 * {@code dollar-string}, {@code comment}, {@code number}, {@code quoted-ident}, {@code psql-meta}) and, over the
 * spans of findings, the severity classes {@code destructive}, {@code risky} and {@code info}. The severity class
 * names are a public contract (tests and themes rely on them). A pure function of its inputs: it needs no toolkit
 * and runs on worker threads.
 */
public final class SqlHighlighting {

    /** The severity classes are the severities' public ids, in {@link Severity}'s order (worst first). */
    private static final String[] SEVERITY_CLASS = Arrays.stream(Severity.values()).map(Severity::id)
            .toArray(String[]::new);

    private SqlHighlighting() {
    }

    public static StyleSpans<Collection<String>> compute(String text, List<Finding> findings) {
        List<Token> tokens = Lexer.tokenize(text);
        int[][] edges = severityEdges(text.length(), findings);
        int[] at = edges[0];
        int[] delta = edges[1];
        int[] severityOf = edges[2];
        Styles styles = new Styles();
        StyleSpansBuilder<Collection<String>> out = new StyleSpansBuilder<>(tokens.size() + 2 * at.length + 1);
        int[] active = new int[3];
        int edge = 0;
        Collection<String> pending = null;
        int pendingLength = 0;
        int pos = 0;
        int tokenIndex = 0;
        while (pos < text.length()) {
            while (edge < at.length && at[edge] <= pos) {
                active[severityOf[edge]] += delta[edge];
                edge++;
            }
            while (tokenIndex < tokens.size() && tokens.get(tokenIndex).end() <= pos) {
                tokenIndex++;
            }
            Token token = tokenIndex < tokens.size() ? tokens.get(tokenIndex) : null;
            int end = token == null ? text.length() : token.end();
            if (edge < at.length && at[edge] < end) {
                end = at[edge];
            }
            String syntax = token == null ? null : syntaxClass(token, text);
            Collection<String> style = styles.of(syntax, active);
            int length = end - pos;
            if (style.equals(pending)) {
                pendingLength += length;
            } else {
                if (pending != null) {
                    out.add(pending, pendingLength);
                }
                pending = style;
                pendingLength = length;
            }
            pos = end;
        }
        if (pending == null) {
            out.add(List.of(), 0);
        } else {
            out.add(pending, pendingLength);
        }
        return out.create();
    }

    /**
     * The same styles cut at line breaks, one entry per editor paragraph (the {@code \n} itself excluded), so the
     * editor can restyle only the paragraphs whose styles changed.
     */
    public static List<StyleSpans<Collection<String>>> byParagraph(String text, StyleSpans<Collection<String>> spans) {
        List<StyleSpans<Collection<String>>> out = new ArrayList<>();
        StyleSpansBuilder<Collection<String>> line = new StyleSpansBuilder<>();
        boolean lineEmpty = true;
        int pos = 0;
        for (StyleSpan<Collection<String>> span : spans) {
            int end = pos + span.getLength();
            int from = pos;
            int nl;
            while ((nl = text.indexOf('\n', from)) >= 0 && nl < end) {
                if (nl > from) {
                    line.add(span.getStyle(), nl - from);
                    lineEmpty = false;
                }
                out.add(lineEmpty ? EMPTY_LINE : line.create());
                line = new StyleSpansBuilder<>();
                lineEmpty = true;
                from = nl + 1;
            }
            if (end > from) {
                line.add(span.getStyle(), end - from);
                lineEmpty = false;
            }
            pos = end;
        }
        out.add(lineEmpty ? EMPTY_LINE : line.create());
        return out;
    }

    /**
     * The styled text as a RichTextFX document the editor takes in one step. Built off the FX thread: the model is
     * plain immutable data.
     */
    public static StyledDocument<Collection<String>, String, Collection<String>> document(
            Highlight h) {
        String text = h.text();
        List<StyleSpans<Collection<String>>> lines = h.paragraphs();
        ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>> builder =
                new ReadOnlyStyledDocumentBuilder<>(SegmentOps.styledTextOps(), List.of(), lines.size());
        int start = 0;
        for (StyleSpans<Collection<String>> line : lines) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String segment = text.substring(start, end);
            if (segment.isEmpty()) {
                builder.addParagraph(segment, List.<String>of());
            } else {
                builder.addParagraph(segment, line);
            }
            start = end + 1;
        }
        return builder.build();
    }

    private static final StyleSpans<Collection<String>> EMPTY_LINE = StyleSpans.singleton(List.of(), 0);

    /** Whether two runs of styles style every character alike, however their spans are cut. */
    public static boolean sameStyles(StyleSpans<Collection<String>> a, StyleSpans<Collection<String>> b) {
        if (a.length() != b.length()) {
            return false;
        }
        java.util.Iterator<StyleSpan<Collection<String>>> ia = a.iterator();
        java.util.Iterator<StyleSpan<Collection<String>>> ib = b.iterator();
        int leftA = 0;
        int leftB = 0;
        Collection<String> styleA = null;
        Collection<String> styleB = null;
        int remaining = a.length();
        while (remaining > 0) {
            while (leftA == 0 && ia.hasNext()) {
                StyleSpan<Collection<String>> s = ia.next();
                leftA = s.getLength();
                styleA = s.getStyle();
            }
            while (leftB == 0 && ib.hasNext()) {
                StyleSpan<Collection<String>> s = ib.next();
                leftB = s.getLength();
                styleB = s.getStyle();
            }
            if (!sameClasses(styleA, styleB)) {
                return false;
            }
            int step = Math.min(leftA, leftB);
            leftA -= step;
            leftB -= step;
            remaining -= step;
        }
        return true;
    }

    private static boolean sameClasses(Collection<String> a, Collection<String> b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.size() != b.size()) {
            return false;
        }
        return a.containsAll(b);
    }

    /** Sorted start (+1) and end (−1) offsets of the findings' spans, clamped to the text. */
    private static int[][] severityEdges(int length, List<Finding> findings) {
        int n = 0;
        long[] packed = new long[findings.size() * 2];
        for (Finding f : findings) {
            int start = Math.max(0, Math.min(f.start(), length));
            int end = Math.max(start, Math.min(f.end(), length));
            if (end == start) {
                if (start >= length) {
                    continue;
                }
                end = start + 1; // an empty span still marks its character
            }
            int severity = f.severity().ordinal();
            packed[n++] = ((long) start << 3) | (1L << 2) | severity;  // +1
            packed[n++] = ((long) end << 3) | severity;                // -1 (sorts before a +1 at the same offset)
        }
        packed = Arrays.copyOf(packed, n);
        Arrays.sort(packed);
        int[] at = new int[n];
        int[] delta = new int[n];
        int[] severity = new int[n];
        for (int i = 0; i < n; i++) {
            at[i] = (int) (packed[i] >>> 3);
            delta[i] = (packed[i] & 4L) != 0 ? 1 : -1;
            severity[i] = (int) (packed[i] & 3L);
        }
        return new int[][] {at, delta, severity};
    }

    static String syntaxClass(Token token, String text) {
        TokenKind kind = token.kind();
        return switch (kind) {
            case LINE_COMMENT, BLOCK_COMMENT -> "comment";
            case STRING -> "string";
            case DOLLAR_STRING -> "dollar-string";
            case QUOTED_IDENT -> "quoted-ident";
            case NUMBER -> "number";
            case PARAM -> "param";
            case PSQL_META -> "psql-meta";
            case UNTERMINATED -> text.startsWith("/*", token.start()) || text.startsWith("--", token.start())
                    ? "comment" : "unterminated";
            case INVALID -> "invalid";
            case WORD -> SqlKeywords.isKeyword(text, token.start(), token.end()) ? "keyword" : null;
            default -> null;
        };
    }

    /** Interned class lists, so a 5,000-line file shares a few dozen lists instead of allocating one per span. */
    private static final class Styles {
        private final Map<String, Collection<String>> cache = new HashMap<>();

        Collection<String> of(String syntax, int[] active) {
            String key = (syntax == null ? "" : syntax) + '|' + (active[0] > 0 ? 'd' : '-') + (active[1] > 0 ? 'r' : '-')
                    + (active[2] > 0 ? 'i' : '-');
            return cache.computeIfAbsent(key, k -> {
                List<String> classes = new ArrayList<>(3);
                if (syntax != null) {
                    classes.add(syntax);
                }
                for (int s = 0; s < 3; s++) {
                    if (active[s] > 0) {
                        classes.add(SEVERITY_CLASS[s]);
                    }
                }
                return List.copyOf(classes);
            });
        }
    }

    /** The contract's class name for a severity. */
    public static String styleClass(Severity severity) {
        return SEVERITY_CLASS[severity.ordinal()];
    }
}

package dev.redline.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.redline.core.sql.SourceText;
import dev.redline.core.sql.SqlStatement;
import dev.redline.core.sql.StatementSplitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Splits every file of the shared corpus and checks that each statement libpg_query found (labels.jsonl) is exactly
 * one of ours: same first and last significant character. Goose/dbmate files are cut at their marker lines first,
 * as the labeller did. Skipped when the corpus is not there.
 */
class SplitterCorpusTest {

    private static final int SHOW = 60;

    private static Path corpus;

    @BeforeAll
    static void findCorpus() {
        Optional<Path> c = Corpus.locate();
        Assumptions.assumeTrue(c.isPresent(), "shared corpus not found (redline.corpus / ../shared/corpus)");
        corpus = c.get();
    }

    @Test
    void everyLabelledStatementIsOneOfOurs() throws IOException {
        Map<String, List<Corpus.LabelledStatement>> byFile = new LinkedHashMap<>();
        for (Corpus.LabelledStatement s : Corpus.loadLabels(corpus)) {
            byFile.computeIfAbsent(s.file(), k -> new ArrayList<>()).add(s);
        }
        assertTrue(byFile.size() > 100, "labels.jsonl names only " + byFile.size() + " files");

        Map<String, List<String>> mismatchesByCause = new TreeMap<>();
        int checked = 0;
        int mismatches = 0;
        for (var e : byFile.entrySet()) {
            Path file = corpus.resolve(e.getKey());
            if (!Files.isRegularFile(file)) {
                mismatchesByCause.computeIfAbsent("labelled file missing", k -> new ArrayList<>()).add(e.getKey());
                mismatches++;
                continue;
            }
            String text = Corpus.decode(Files.readAllBytes(file));
            int[] b2c = Corpus.byteToChar(text);
            SourceText source = new SourceText(text);
            List<SqlStatement> ours = StatementSplitter.split(source, Corpus.markerRegions(text));
            Map<Integer, SqlStatement> byStart = new HashMap<>();
            for (SqlStatement s : ours) {
                byStart.putIfAbsent(s.start(), s);
            }
            for (Corpus.LabelledStatement label : e.getValue()) {
                checked++;
                if (label.start() < 0 || label.end() >= b2c.length || label.start() > label.end()) {
                    add(mismatchesByCause, "label offsets outside the file", e.getKey(), label, text, -1, -1, null);
                    mismatches++;
                    continue;
                }
                int start = b2c[label.start()];
                int end = b2c[label.end()];
                SqlStatement same = byStart.get(start);
                if (same != null && same.end() == end) {
                    continue;
                }
                mismatches++;
                String cause;
                if (same != null) {
                    cause = same.end() < end ? "ours ends early (split inside the statement)"
                            : "ours ends late (merged with what follows)";
                } else {
                    SqlStatement covering = null;
                    for (SqlStatement s : ours) {
                        if (s.start() < start && s.end() > start) {
                            covering = s;
                            break;
                        }
                    }
                    same = covering;
                    cause = covering != null ? "ours starts early (merged with what precedes)"
                            : "no statement of ours starts there";
                }
                add(mismatchesByCause, cause, e.getKey(), label, text, start, end, same);
            }
        }

        if (mismatches > 0) {
            StringBuilder sb = new StringBuilder();
            sb.append(mismatches).append(" of ").append(checked)
                    .append(" labelled statements do not match a statement of ours:\n");
            for (var c : mismatchesByCause.entrySet()) {
                sb.append("\n== ").append(c.getKey()).append(" (").append(c.getValue().size()).append(")\n");
                int n = 0;
                for (String line : c.getValue()) {
                    if (n++ == SHOW) {
                        sb.append("   … ").append(c.getValue().size() - SHOW).append(" more\n");
                        break;
                    }
                    sb.append(line).append('\n');
                }
            }
            fail(sb.toString());
        }
    }

    private static void add(Map<String, List<String>> out, String cause, String file, Corpus.LabelledStatement label,
                            String text, int start, int end, SqlStatement ours) {
        StringBuilder sb = new StringBuilder();
        sb.append(" - ").append(file).append(" #").append(label.idx()).append(" (line ").append(label.line())
                .append(", ").append(label.kind()).append(")");
        if (start >= 0) {
            sb.append("\n     expected [").append(start).append(',').append(end).append("): ")
                    .append(Corpus.oneLine(text.substring(start, end), 160));
        } else {
            sb.append("\n     expected bytes [").append(label.start()).append(',').append(label.end()).append(')');
        }
        if (ours != null) {
            sb.append("\n     ours     [").append(ours.start()).append(',').append(ours.end()).append("): ")
                    .append(Corpus.oneLine(text.substring(ours.start(), ours.end()), 160));
        }
        out.computeIfAbsent(cause, k -> new ArrayList<>()).add(sb.toString());
    }

    @Test
    void everySqlFileSplitsWithoutException() throws IOException {
        List<Path> files = Corpus.sqlFiles(corpus);
        assertTrue(files.size() > 100, "only " + files.size() + " .sql files in the corpus");
        List<String> failures = new ArrayList<>();
        int commentOnly = 0;
        for (Path f : files) {
            String rel = Corpus.relative(corpus, f);
            try {
                String text = Corpus.decode(Files.readAllBytes(f));
                SourceText source = new SourceText(text);
                List<SqlStatement> whole = StatementSplitter.split(source);
                if (Corpus.hasMarkers(text)) {
                    StatementSplitter.split(source, Corpus.markerRegions(text));
                }
                if (text.isBlank() || isOnlyComments(text)) {
                    commentOnly++;
                    if (!whole.isEmpty()) {
                        failures.add(rel + ": comment-only file gave " + whole.size() + " statement(s)");
                    }
                }
                for (SqlStatement s : whole) {
                    if (s.start() < 0 || s.end() > text.length() || s.start() >= s.end()) {
                        failures.add(rel + ": bad span " + s);
                    }
                }
            } catch (RuntimeException e) {
                failures.add(rel + ": " + e);
            }
        }
        assertTrue(commentOnly > 0, "expected the corpus's 0-byte files to be seen");
        if (!failures.isEmpty()) {
            fail(failures.size() + " file(s) failed:\n" + String.join("\n", failures));
        }
    }

    /** Whether the text holds nothing but whitespace and comments, judged without our lexer. */
    private static boolean isOnlyComments(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                if (close < 0 || text.indexOf("/*", i + 2) >= 0 && text.indexOf("/*", i + 2) < close) {
                    return false; // unterminated or nested: not worth judging here
                }
                i = close + 2;
            } else {
                return false;
            }
        }
        return true;
    }
}

package dev.redline.corpus;

import dev.redline.core.sql.StatementSplitter;
import dev.redline.review.JsonTree;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shared migration corpus ({@code shared/corpus}: real migrations of public projects plus {@code labels.jsonl},
 * what libpg_query says about each statement). Test data for the splitter test and the accuracy benchmark; see
 * {@code LABELS.md} there.
 */
public final class Corpus {

    /** {@code -- +goose Up|Down|StatementBegin|StatementEnd|NO TRANSACTION} and {@code -- migrate:up|down} lines. */
    private static final Pattern MARKER_LINE = Pattern.compile(
            "^--\\s*(\\+goose\\s|migrate:(up|down)\\b).*$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private Corpus() {
    }

    /**
     * Where the corpus is: the {@code redline.corpus} system property (surefire sets it), the
     * {@code REDLINE_CORPUS} environment variable, or {@code ../shared/corpus} from the working directory. Empty
     * when none of them holds a {@code labels.jsonl}.
     */
    public static Optional<Path> locate() {
        List<String> candidates = new ArrayList<>();
        String prop = System.getProperty("redline.corpus");
        if (prop != null && !prop.isBlank()) {
            candidates.add(prop);
        }
        String env = System.getenv("REDLINE_CORPUS");
        if (env != null && !env.isBlank()) {
            candidates.add(env);
        }
        candidates.add("../shared/corpus");
        for (String c : candidates) {
            Path p = Paths.get(c).toAbsolutePath().normalize();
            if (Files.isRegularFile(p.resolve("labels.jsonl"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** One label (or nested label) of a statement: its name and its flags. */
    public record Label(String name, Map<String, Object> fields) {

        public boolean flag(String key) {
            return Boolean.TRUE.equals(fields.get(key));
        }

        public String str(String key) {
            Object v = fields.get(key);
            return v == null ? null : v.toString();
        }
    }

    /** One record of {@code labels.jsonl}: a statement of a corpus file as libpg_query split it. */
    public record LabelledStatement(String file, String repo, int idx, int start, int end, int line,
                                    String direction, String split, String kind, String detail, boolean parseOk,
                                    List<Label> labels, List<Label> nestedLabels) {
    }

    /** Every record of {@code labels.jsonl}, in file order. */
    public static List<LabelledStatement> loadLabels(Path corpus) {
        List<LabelledStatement> out = new ArrayList<>(16_000);
        try (BufferedReader in = Files.newBufferedReader(corpus.resolve("labels.jsonl"), StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> m;
                try {
                    m = JsonTree.parseObject(line);
                } catch (IOException e) {
                    throw new IllegalStateException("labels.jsonl line " + n + ": " + e.getMessage(), e);
                }
                out.add(new LabelledStatement((String) m.get("file"), (String) m.get("repo"), intOf(m, "idx"),
                        intOf(m, "start"), intOf(m, "end"), intOf(m, "line"), (String) m.get("direction"),
                        (String) m.get("split"), (String) m.get("kind"), (String) m.get("detail"),
                        !Boolean.FALSE.equals(m.get("parse_ok")), labelsOf(m.get("labels")),
                        labelsOf(m.get("nested_labels"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static int intOf(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Number n ? n.intValue() : -1;
    }

    private static List<Label> labelsOf(Object v) {
        if (!(v instanceof List<?> list)) {
            return List.of();
        }
        List<Label> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (o instanceof Map<?, ?> map) {
                Map<String, Object> fields = new LinkedHashMap<>();
                map.forEach((k, val) -> fields.put(String.valueOf(k), val));
                out.add(new Label(String.valueOf(fields.get("label")), Collections.unmodifiableMap(fields)));
            }
        }
        return List.copyOf(out);
    }

    /** Every regular {@code .sql} file under the corpus (some folders are named {@code *.sql}), sorted. */
    public static List<Path> sqlFiles(Path corpus) {
        try (Stream<Path> s = Files.walk(corpus)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The corpus's repository folders ({@code owner__name}), sorted. */
    public static List<Path> repoDirs(Path corpus) {
        try (Stream<Path> s = Files.list(corpus)) {
            return s.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().contains("__"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Path of a corpus file relative to the corpus root, with {@code /}, as {@code labels.jsonl} names it. */
    public static String relative(Path corpus, Path file) {
        return corpus.relativize(file).toString().replace('\\', '/');
    }

    /** Strict UTF-8 decoding (every corpus file is valid UTF-8; a bad one should fail loudly, not shift offsets). */
    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid UTF-8: " + e.getMessage(), e);
        }
    }

    /**
     * Maps UTF-8 byte offsets of {@code text}'s encoding to UTF-16 char offsets: {@code map[b]} is the char offset
     * of byte offset {@code b} (for {@code b} at a character boundary; bytes inside a character map to the
     * character's start), and {@code map[byteLength]} is {@code text.length()}.
     */
    public static int[] byteToChar(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            bytes += utf8Length(cp);
            i += Character.charCount(cp);
        }
        int[] map = new int[bytes + 1];
        int b = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int len = utf8Length(cp);
            for (int k = 0; k < len; k++) {
                map[b + k] = i;
            }
            b += len;
            i += Character.charCount(cp);
        }
        map[bytes] = text.length();
        return map;
    }

    private static int utf8Length(int cp) {
        if (cp < 0x80) {
            return 1;
        }
        if (cp < 0x800) {
            return 2;
        }
        return cp < 0x10000 ? 3 : 4;
    }

    /** Whether the file has goose or dbmate marker lines. */
    public static boolean hasMarkers(String text) {
        return MARKER_LINE.matcher(text).find();
    }

    /**
     * The regions the labeller parsed separately: the text between marker lines for goose/dbmate files (the marker
     * lines themselves left out), or the whole text.
     */
    public static List<StatementSplitter.Region> markerRegions(String text) {
        List<StatementSplitter.Region> out = new ArrayList<>();
        var m = MARKER_LINE.matcher(text);
        int from = 0;
        while (m.find()) {
            if (m.start() > from) {
                out.add(new StatementSplitter.Region(from, m.start(), out.size()));
            }
            from = m.end();
        }
        if (from < text.length() || out.isEmpty()) {
            out.add(new StatementSplitter.Region(from, text.length(), out.size()));
        }
        return out;
    }

    /** Text shortened to one line of at most {@code max} characters, for reports. */
    public static String oneLine(String s, int max) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}

package dev.redline.bench;

import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.analysis.ProjectAnalyzer;
import dev.redline.core.model.Finding;
import dev.redline.corpus.Corpus;
import dev.redline.corpus.Corpus.Label;
import dev.redline.corpus.Corpus.LabelledStatement;
import dev.redline.core.sql.SourceText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Accuracy of Redline's rules against the shared corpus's libpg_query labels (see {@code shared/corpus/LABELS.md}).
 * A report, not a test: run it with {@code bench/accuracy.sh}.
 *
 * <p>Each corpus repository folder is analysed as a project ({@code ProjectAnalyzer.analyze(dir, false)}: layout
 * detection on, schema replayed in apply order). Every labelled statement expects the rule ids its labels map to;
 * a finding belongs to a statement when its line lies between the statement's first and last line. Per rule:
 * TP = statements that expect it and got it, FN = expected and missed, FP = got it without expecting it (findings
 * that only match labels nested in a DO block are neither). Findings on lines of no labelled statement are counted
 * as "unmatched" apart.
 *
 * <pre>
 * options: --details RULE   every FP, FN and unmatched finding of RULE (repeatable; "all" for every rule)
 *          --direction up|down|all   score only statements of that direction (default all)
 *          --repo NAME      only corpus folders whose name contains NAME (repeatable)
 *          --corpus PATH    the corpus (default: -Dredline.corpus, $REDLINE_CORPUS, ../shared/corpus)
 *          --strict         exit 1 when a rule with at least 5 labelled statements misses its target
 * </pre>
 */
public final class CorpusAccuracyBenchmark {

    /** {@code --all-sql}: every .sql file is a plain migration, as {@code check --all-sql} sees it. */
    private static boolean allSql;

    static final double TARGET_RECALL = 0.99;
    static final double TARGET_PRECISION = 0.98;
    static final int MIN_LABELLED = 5;

    /** A scored rule and the labels that make a statement expect it (LABELS.md, "How labels map"). */
    record RuleSpec(String id, Predicate<Label> expects) {
    }

    static final List<RuleSpec> RULES = List.of(
            rule("add-check", l -> is(l, "ADD_CHECK_CONSTRAINT") && !l.flag("new_table") && !l.flag("not_valid")),
            rule("add-foreign-key", l -> is(l, "ADD_FOREIGN_KEY") && !l.flag("new_table") && !l.flag("not_valid")),
            rule("add-not-null", l -> (is(l, "SET_NOT_NULL") || is(l, "ADD_COLUMN_NOT_NULL_NO_DEFAULT"))
                    && !l.flag("new_table")),
            rule("add-unique", l -> (is(l, "ADD_UNIQUE_CONSTRAINT") || is(l, "CREATE_UNIQUE_INDEX")
                    || is(l, "ADD_PRIMARY_KEY")) && !l.flag("new_table")),
            rule("blocking-index-build", l -> is(l, "CREATE_INDEX_NON_CONCURRENT")),
            rule("blocking-index-drop", l -> is(l, "DROP_INDEX") && !l.flag("concurrent")),
            rule("change-column-type", l -> is(l, "ALTER_COLUMN_TYPE") && !l.flag("new_table")),
            rule("delete-without-where", l -> is(l, "DELETE_NO_WHERE")),
            rule("drop-column", l -> is(l, "DROP_COLUMN") && !l.flag("new_table")),
            rule("drop-schema", l -> is(l, "DROP_SCHEMA")),
            rule("drop-table", l -> is(l, "DROP_TABLE")),
            rule("non-transactional", l -> is(l, "NON_TRANSACTIONAL") && !isEnumAddValue(l)),
            rule("rename-column", l -> is(l, "RENAME_COLUMN") && !l.flag("new_table")),
            rule("rename-table", l -> is(l, "RENAME_TABLE") && !l.flag("new_table")),
            rule("transaction-control", l -> is(l, "TRANSACTION_CONTROL")),
            rule("truncate", l -> is(l, "TRUNCATE")),
            rule("update-without-where", l -> is(l, "UPDATE_NO_WHERE")));

    private static RuleSpec rule(String id, Predicate<Label> expects) {
        return new RuleSpec(id, expects);
    }

    private static boolean is(Label l, String name) {
        return name.equals(l.name());
    }

    /** {@code ALTER TYPE … ADD VALUE}: labelled NON_TRANSACTIONAL with that reason, not scored as non-transactional. */
    private static boolean isEnumAddValue(Label l) {
        String reason = l.str("reason");
        return reason != null && reason.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").contains("ADD VALUE");
    }

    static Set<String> expected(List<Label> labels) {
        Set<String> out = new TreeSet<>();
        for (Label l : labels) {
            for (RuleSpec r : RULES) {
                if (r.expects().test(l)) {
                    out.add(r.id());
                }
            }
        }
        return out;
    }

    /** A labelled statement with what it expects and the lines it covers. */
    static final class Stmt {
        final LabelledStatement label;
        final int firstLine;
        final int lastLine;
        final String text;
        final Set<String> expects;
        final Set<String> nestedAllowed;
        final Map<String, List<Finding>> got = new TreeMap<>();

        Stmt(LabelledStatement label, int firstLine, int lastLine, String text) {
            this.label = label;
            this.firstLine = firstLine;
            this.lastLine = lastLine;
            this.text = text;
            this.expects = expected(label.labels());
            this.nestedAllowed = expected(label.nestedLabels());
        }

        boolean covers(int line) {
            return line >= firstLine && line <= lastLine;
        }
    }

    record Located(String file, Finding finding) {
    }

    static final class Score {
        int labelled;
        int tp;
        int fp;
        int fn;
        int fnDown;
        int unmatched;
        int neutral;
        final List<String> fpDetails = new ArrayList<>();
        final List<String> fnDetails = new ArrayList<>();
        final List<String> unmatchedDetails = new ArrayList<>();

        double recall() {
            return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
        }

        double precision() {
            return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
        }

        boolean missesTarget() {
            if (labelled < MIN_LABELLED) {
                return false;
            }
            double r = recall();
            double p = precision();
            return !Double.isNaN(r) && r < TARGET_RECALL || !Double.isNaN(p) && p < TARGET_PRECISION;
        }
    }

    public static void main(String[] args) {
        int code = run(args, System.out);
        System.exit(code);
    }

    static int run(String[] args, PrintStream out) {
        Set<String> details = new LinkedHashSet<>();
        Set<String> repoFilter = new LinkedHashSet<>();
        String direction = "all";
        boolean strict = false;
        String corpusArg = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--details" -> details.add(arg(args, ++i));
                case "--direction" -> direction = arg(args, ++i);
                case "--repo" -> repoFilter.add(arg(args, ++i));
                case "--corpus" -> corpusArg = arg(args, ++i);
                case "--strict" -> strict = true;
                case "--all-sql" -> allSql = true;
                case "-h", "--help" -> {
                    out.println("usage: CorpusAccuracyBenchmark [--details RULE|all]... [--direction up|down|all]"
                            + " [--repo NAME]... [--corpus PATH] [--strict]");
                    return 0;
                }
                default -> {
                    out.println("unknown option: " + args[i]);
                    return 2;
                }
            }
        }
        if (!Set.of("all", "up", "down").contains(direction)) {
            out.println("--direction must be up, down or all");
            return 2;
        }
        Optional<Path> located = corpusArg != null
                ? Optional.of(Paths.get(corpusArg).toAbsolutePath().normalize())
                        .filter(p -> Files.isRegularFile(p.resolve("labels.jsonl")))
                : Corpus.locate();
        if (located.isEmpty()) {
            out.println("corpus not found (--corpus, -Dredline.corpus, $REDLINE_CORPUS or ../shared/corpus): "
                    + "nothing to measure");
            return strict ? 2 : 0;
        }
        Path corpus = located.get();
        try {
            return new CorpusAccuracyBenchmark(corpus, details, repoFilter, direction, out).report(strict);
        } catch (IOException e) {
            out.println("error: " + e);
            return strict ? 2 : 0;
        }
    }

    private static String arg(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private final Path corpus;
    private final Path corpusReal;
    private final Set<String> details;
    private final Set<String> repoFilter;
    private final String direction;
    private final PrintStream out;

    private CorpusAccuracyBenchmark(Path corpus, Set<String> details, Set<String> repoFilter, String direction,
                                    PrintStream out) throws IOException {
        this.corpus = corpus;
        this.corpusReal = corpus.toRealPath();
        this.details = details;
        this.repoFilter = repoFilter;
        this.direction = direction;
        this.out = out;
    }

    private boolean repoSelected(String repoFolder) {
        return repoFilter.isEmpty() || repoFilter.stream().anyMatch(repoFolder::contains);
    }

    private boolean detailed(String rule) {
        return details.contains(rule) || details.contains("all");
    }

    private int report(boolean strict) throws IOException {
        // ---- labels, grouped by file
        Map<String, List<LabelledStatement>> labelsByFile = new LinkedHashMap<>();
        for (LabelledStatement s : Corpus.loadLabels(corpus)) {
            if (repoSelected(s.file().substring(0, Math.max(0, s.file().indexOf('/'))))) {
                labelsByFile.computeIfAbsent(s.file(), k -> new ArrayList<>()).add(s);
            }
        }

        // ---- analysis, one project per repository folder
        Map<String, List<Finding>> findingsByFile = new TreeMap<>();
        Set<String> analysedFiles = new HashSet<>();
        List<String> repoLines = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int scriptProblems = 0;
        int pathErrors = 0;
        long totalNanos = 0;
        for (Path repo : Corpus.repoDirs(corpus)) {
            String name = repo.getFileName().toString();
            if (!repoSelected(name)) {
                continue;
            }
            long t0 = System.nanoTime();
            ProjectAnalysis pa;
            try {
                pa = new ProjectAnalyzer().analyze(repo, allSql);
            } catch (Throwable e) { // a report: one repository failing must not hide the others
                long nanos = System.nanoTime() - t0;
                totalNanos += nanos;
                StringBuilder trace = new StringBuilder(name + ": " + e);
                StackTraceElement[] st = e.getStackTrace();
                for (int k = 0; k < Math.min(6, st.length); k++) {
                    trace.append("\n      at ").append(st[k]);
                }
                failures.add(trace.toString());
                repoLines.add(String.format(Locale.ROOT, "  %-24s %8.0f ms  FAILED: %s", name, nanos / 1e6, e));
                continue;
            }
            long nanos = System.nanoTime() - t0;
            totalNanos += nanos;
            int migrations = 0;
            int findings = 0;
            Set<String> files = new HashSet<>();
            for (MigrationAnalysis ma : pa.migrations()) {
                migrations++;
                String rel = relative(ma.migration().file());
                files.add(rel);
                analysedFiles.add(rel);
                findingsByFile.computeIfAbsent(rel, k -> new ArrayList<>()).addAll(ma.findings());
                findings += ma.findings().size();
                scriptProblems += ma.errors().size();
            }
            pathErrors += pa.errors().size();
            long labelled = labelsByFile.keySet().stream().filter(f -> f.startsWith(name + "/")).count();
            long labelledSeen = labelsByFile.keySet().stream()
                    .filter(f -> f.startsWith(name + "/") && files.contains(f)).count();
            repoLines.add(String.format(Locale.ROOT,
                    "  %-24s %8.0f ms  %4d migrations  %4d files (%d of %d labelled files)  %6d findings  sets: %s",
                    name, nanos / 1e6, migrations, files.size(), labelledSeen, labelled, findings,
                    pa.sets().stream().map(s -> s.tool().id() + (s.label() == null ? "" : ":" + s.label()))
                            .toList()));
        }

        // ---- statements
        Map<String, List<Stmt>> stmtsByFile = new LinkedHashMap<>();
        int statements = 0;
        int scored = 0;
        for (var e : labelsByFile.entrySet()) {
            Path file = corpus.resolve(e.getKey());
            if (!Files.isRegularFile(file)) {
                failures.add("labelled file missing: " + e.getKey());
                continue;
            }
            String text = Corpus.decode(Files.readAllBytes(file));
            int[] b2c = Corpus.byteToChar(text);
            SourceText source = new SourceText(text);
            List<Stmt> list = new ArrayList<>();
            for (LabelledStatement l : e.getValue()) {
                statements++;
                int start = b2c[Math.min(Math.max(0, l.start()), b2c.length - 1)];
                int end = b2c[Math.min(Math.max(l.start(), l.end()), b2c.length - 1)];
                list.add(new Stmt(l, source.line(start), source.line(Math.max(start, end - 1)),
                        text.substring(start, end)));
                if (inScope(l)) {
                    scored++;
                }
            }
            stmtsByFile.put(e.getKey(), list);
        }

        // ---- attribute findings to statements
        Map<String, Score> scores = new TreeMap<>();
        for (RuleSpec r : RULES) {
            scores.put(r.id(), new Score());
        }
        Map<String, int[]> otherRules = new TreeMap<>(); // rule -> {findings, on a labelled statement}
        int unparsed = 0;
        int totalFindings = 0;
        for (var e : findingsByFile.entrySet()) {
            String file = e.getKey();
            List<Stmt> stmts = stmtsByFile.getOrDefault(file, List.of());
            for (Finding f : e.getValue()) {
                totalFindings++;
                if ("unparsed".equals(f.rule())) {
                    unparsed++;
                }
                List<Stmt> candidates = new ArrayList<>();
                for (Stmt s : stmts) {
                    if (s.covers(f.line())) {
                        candidates.add(s);
                    }
                }
                Score score = scores.get(f.rule());
                if (score == null) {
                    int[] c = otherRules.computeIfAbsent(f.rule(), k -> new int[2]);
                    c[0]++;
                    if (!candidates.isEmpty()) {
                        c[1]++;
                    }
                    continue;
                }
                if (candidates.isEmpty()) {
                    score.unmatched++;
                    if (detailed(f.rule())) {
                        score.unmatchedDetails.add(String.format("  %s:%d  %s%n      ours: %s", file, f.line(),
                                lineText(file, f.line()), f.message()));
                    }
                    continue;
                }
                Stmt chosen = null;
                for (Stmt s : candidates) { // an expecting statement not yet hit, then any expecting one
                    if (s.expects.contains(f.rule()) && !s.got.containsKey(f.rule())) {
                        chosen = s;
                        break;
                    }
                }
                if (chosen == null) {
                    for (Stmt s : candidates) {
                        if (s.expects.contains(f.rule())) {
                            chosen = s;
                            break;
                        }
                    }
                }
                if (chosen == null) {
                    for (Stmt s : candidates) {
                        if (s.nestedAllowed.contains(f.rule())) {
                            chosen = s;
                            break;
                        }
                    }
                }
                if (chosen == null) {
                    chosen = candidates.get(0);
                }
                chosen.got.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f);
            }
        }

        // ---- score statement x rule
        for (var e : stmtsByFile.entrySet()) {
            String file = e.getKey();
            boolean analysed = analysedFiles.contains(file);
            for (Stmt s : e.getValue()) {
                if (!inScope(s.label)) {
                    continue;
                }
                for (RuleSpec r : RULES) {
                    Score score = scores.get(r.id());
                    boolean exp = s.expects.contains(r.id());
                    List<Finding> got = s.got.get(r.id());
                    if (exp) {
                        score.labelled++;
                        if (got != null) {
                            score.tp++;
                        } else {
                            score.fn++;
                            if ("down".equals(s.label.direction())) {
                                score.fnDown++;
                            }
                            if (detailed(r.id())) {
                                score.fnDetails.add(String.format("  %s:%d%s  %s%n      labels: %s%n      ours: %s",
                                        file, s.firstLine, analysed ? "" : " (file not analysed)",
                                        Corpus.oneLine(s.text, 160), describe(s.label.labels()),
                                        s.got.isEmpty() ? "-" : String.join(", ", s.got.keySet())));
                            }
                        }
                    } else if (got != null) {
                        if (s.nestedAllowed.contains(r.id())) {
                            score.neutral++;
                        } else {
                            score.fp++;
                            if (detailed(r.id())) {
                                score.fpDetails.add(String.format("  %s:%d  %s%n      labels: %s%n      ours: %s",
                                        file, got.get(0).line(), Corpus.oneLine(s.text, 160),
                                        describe(s.label.labels()), got.get(0).message()));
                            }
                        }
                    }
                }
            }
        }

        // ---- report
        int labelledFiles = labelsByFile.size();
        long labelledAnalysed = labelsByFile.keySet().stream().filter(analysedFiles::contains).count();
        out.println("Redline accuracy on the shared corpus (" + corpus + ")");
        out.println();
        out.println("analysis, one ProjectAnalyzer.analyze(dir, false) per repository folder:");
        repoLines.forEach(out::println);
        out.println();
        out.printf(Locale.ROOT, "files: %d labelled, %d of them analysed; %d files analysed in all%n",
                labelledFiles, labelledAnalysed, analysedFiles.size());
        out.printf(Locale.ROOT, "statements: %d labelled, %d scored (direction: %s)%n", statements, scored,
                direction);
        out.printf(Locale.ROOT, "findings: %d in all; unparsed: %d; script problems: %d; path errors: %d%n",
                totalFindings, unparsed, scriptProblems, pathErrors);
        out.printf(Locale.ROOT, "analysis wall time: %.2f s%n", totalNanos / 1e9);
        if (labelledAnalysed < labelledFiles) {
            List<String> missing = labelsByFile.keySet().stream().filter(f -> !analysedFiles.contains(f)).toList();
            out.println("labelled files not analysed (" + missing.size() + "; their expected rules count as FN):");
            missing.stream().limit(10).forEach(f -> out.println("  " + f));
            if (missing.size() > 10) {
                out.println("  … " + (missing.size() - 10) + " more");
            }
        }
        if (!failures.isEmpty()) {
            out.println("FAILURES:");
            failures.forEach(f -> out.println("  " + f));
        }
        out.println();
        out.printf(Locale.ROOT, "targets: recall >= %.2f, precision >= %.2f for rules with >= %d labelled statements%n",
                TARGET_RECALL, TARGET_PRECISION, MIN_LABELLED);
        out.printf(Locale.ROOT, "%-22s %8s %6s %6s %6s %7s %8s %10s %6s  %s%n", "rule", "labelled", "TP", "FP", "FN",
                "FN(dn)", "recall", "precision", "unm", "");
        int missed = 0;
        for (var e : scores.entrySet()) {
            Score s = e.getValue();
            boolean miss = s.missesTarget();
            if (miss) {
                missed++;
            }
            out.printf(Locale.ROOT, "%-22s %8d %6d %6d %6d %7d %8s %10s %6d  %s%n", e.getKey(), s.labelled, s.tp,
                    s.fp, s.fn, s.fnDown, pct(s.recall()), pct(s.precision()), s.unmatched,
                    miss ? "<-- MISS" + (s.recall() < TARGET_RECALL ? " recall" : "")
                            + (s.precision() < TARGET_PRECISION ? " precision" : "") : "");
        }
        int tp = scores.values().stream().mapToInt(s -> s.tp).sum();
        int fp = scores.values().stream().mapToInt(s -> s.fp).sum();
        int fn = scores.values().stream().mapToInt(s -> s.fn).sum();
        out.printf(Locale.ROOT, "%-22s %8d %6d %6d %6d %7s %8s %10s %6d%n", "(all scored rules)", tp + fn, tp, fp, fn,
                "", pct(tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn)),
                pct(tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp)),
                scores.values().stream().mapToInt(s -> s.unmatched).sum());
        int neutral = scores.values().stream().mapToInt(s -> s.neutral).sum();
        if (neutral > 0) {
            out.println("(" + neutral + " findings matched only labels nested in DO blocks: not scored)");
        }
        out.println();
        out.println("rules not scored (findings, of which on a labelled statement):");
        if (otherRules.isEmpty()) {
            out.println("  (none)");
        }
        otherRules.forEach((rule, c) -> out.printf(Locale.ROOT, "  %-24s %6d %6d%n", rule, c[0], c[1]));

        for (String rule : details) {
            for (var e : scores.entrySet()) {
                if (!rule.equals("all") && !rule.equals(e.getKey())) {
                    continue;
                }
                Score s = e.getValue();
                out.println();
                out.println("==== " + e.getKey() + ": " + s.fp + " FP, " + s.fn + " FN, " + s.unmatched
                        + " unmatched");
                printList(out, "false positives", s.fpDetails);
                printList(out, "false negatives", s.fnDetails);
                printList(out, "unmatched findings (on no labelled statement)", s.unmatchedDetails);
            }
            if (!rule.equals("all") && !scores.containsKey(rule)) {
                out.println();
                out.println("==== " + rule + ": not a scored rule (scored: "
                        + String.join(", ", scores.keySet()) + ")");
            }
        }

        if (strict && (missed > 0 || !failures.isEmpty())) {
            out.println();
            out.println("strict: " + missed + " rule(s) miss the target" + (failures.isEmpty() ? ""
                    : ", " + failures.size() + " failure(s)"));
            return 1;
        }
        return 0;
    }

    private static void printList(PrintStream out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.println("-- " + title + " (" + lines.size() + ")");
        lines.forEach(out::println);
    }

    private boolean inScope(LabelledStatement l) {
        return "all".equals(direction) || direction.equals(l.direction());
    }

    private String relative(Path file) {
        Path p = file.toAbsolutePath().normalize();
        try {
            p = p.toRealPath();
        } catch (IOException e) {
            // keep the normalized path
        }
        if (p.startsWith(corpusReal)) {
            return corpusReal.relativize(p).toString().replace('\\', '/');
        }
        if (p.startsWith(corpus)) {
            return Corpus.relative(corpus, p);
        }
        return p.toString();
    }

    private final Map<String, SourceText> sources = new HashMap<>();

    private String lineText(String file, int line) {
        SourceText s = sources.computeIfAbsent(file, f -> {
            try {
                return new SourceText(new String(Files.readAllBytes(corpus.resolve(f)), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                return new SourceText("");
            }
        });
        return line >= 1 && line <= s.lineCount() ? Corpus.oneLine(s.lineText(line), 160) : "";
    }

    private static String describe(List<Label> labels) {
        if (labels.isEmpty()) {
            return "-";
        }
        List<String> out = new ArrayList<>();
        for (Label l : labels) {
            StringBuilder sb = new StringBuilder(l.name());
            List<String> flags = new ArrayList<>();
            l.fields().forEach((k, v) -> {
                if (k.equals("label")) {
                    return;
                }
                if (Boolean.TRUE.equals(v)) {
                    flags.add(k);
                } else if (!(v instanceof Boolean) && v != null) {
                    flags.add(k + "=" + v);
                }
            });
            if (!flags.isEmpty()) {
                sb.append('(').append(String.join(", ", flags)).append(')');
            }
            out.add(sb.toString());
        }
        return String.join("; ", out);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}

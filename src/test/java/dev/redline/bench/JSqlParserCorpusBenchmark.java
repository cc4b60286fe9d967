package dev.redline.bench;

import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.parse.QName;
import dev.redline.core.parse.SecondOpinion;
import dev.redline.core.parse.SecondOpinion.Examined;
import dev.redline.core.parse.SecondOpinion.Verdict;
import dev.redline.core.parse.StatementParser;
import dev.redline.core.sql.SourceText;
import dev.redline.core.sql.SqlStatement;
import dev.redline.core.sql.Token;
import dev.redline.core.sql.StatementSplitter;
import dev.redline.corpus.Corpus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;

/**
 * JSqlParser (the project's 5.3, or the jar {@code JSQLPARSER_JAR} names) through {@link SecondOpinion}
 * (PostgreSQL-like settings, time bound) against every statement of the shared corpus, next to Redline's own
 * {@link StatementParser}. A report, not a test: run it with {@code bench/jsqlparser.sh}.
 *
 * <p>Statements are split by Redline's {@link StatementSplitter} (goose/dbmate files cut at their marker lines
 * first, {@link Corpus#markerRegions}); psql meta-commands are left out. For each statement it records
 * JSqlParser's verdict and time and Redline's parse; it reports JSqlParser's failures (grouped by the statement's
 * first two words), time-outs, timing percentiles, Redline's {@code Unknown}s, the statements on which the two
 * disagree in a way that matters to migration risk, and JSqlParser "successes" that are detectably wrong.
 *
 * <pre>
 * options: --corpus PATH   the corpus (default: -Dredline.corpus, $REDLINE_CORPUS, ../shared/corpus)
 *          --bound-ms N    per-statement time bound (default 2000)
 *          --show N        examples per group (default 3)
 *          --warmup N      statements parsed untimed first, to warm the JIT (default 3000)
 *          --repo NAME     only corpus folders whose name contains NAME (repeatable)
 * </pre>
 */
public final class JSqlParserCorpusBenchmark {

    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");

    /** Categories whose confusion matters to migration risk. */
    private static final Set<String> RISKY = Set.of("ALTER TABLE", "DROP", "TRUNCATE", "DATA CHANGE",
            "CREATE INDEX", "CREATE TABLE");

    /** Words JSqlParser's deparser legitimately leaves out or rewrites: noise for the "lost words" check. */
    private static final Set<String> DEPARSE_NOISE = Set.of("AS", "COLUMN", "PUBLIC", "TRUE", "FALSE", "NULL",
            "INTEGER", "INT", "BOOLEAN", "BOOL", "VARCHAR", "CHARACTER", "VARYING", "TIMESTAMP", "TIMESTAMPTZ",
            "WITHOUT", "WITH", "TIME", "ZONE", "DOUBLE", "PRECISION", "DEFAULT", "INNER", "OUTER", "ASC", "ALL",
            "TO", "DATA", "TYPE", "SET", "KEY", "INT4", "INT8", "BIGINT", "SMALLINT", "TEXT", "UUID", "ON");

    private JSqlParserCorpusBenchmark() {
    }

    /** One corpus statement and what both parsers made of it. */
    record Row(String file, int line, String text, String head, ParsedStatement redline, long redlineNanos,
               Examined jsql) {

        Verdict verdict() {
            return jsql.verdict();
        }

        String where() {
            return file + ":" + line;
        }
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws IOException {
        String corpusArg = null;
        long boundMs = 2000;
        int show = 3;
        int warmup = 3000;
        Set<String> repoFilter = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpusArg = arg(args, ++i);
                case "--bound-ms" -> boundMs = Long.parseLong(arg(args, ++i));
                case "--show" -> show = Integer.parseInt(arg(args, ++i));
                case "--warmup" -> warmup = Integer.parseInt(arg(args, ++i));
                case "--repo" -> repoFilter.add(arg(args, ++i));
                case "-h", "--help" -> {
                    out.println("usage: JSqlParserCorpusBenchmark [--corpus PATH] [--bound-ms N] [--show N]"
                            + " [--warmup N] [--repo NAME]...");
                    return 0;
                }
                default -> {
                    out.println("unknown option: " + args[i]);
                    return 2;
                }
            }
        }
        Optional<Path> located = corpusArg != null
                ? Optional.of(Paths.get(corpusArg).toAbsolutePath().normalize()) : Corpus.locate();
        if (located.isEmpty() || !Files.isDirectory(located.get())) {
            out.println("corpus not found (--corpus PATH, -Dredline.corpus, $REDLINE_CORPUS, ../shared/corpus)");
            return 2;
        }
        Path corpus = located.get();
        Duration bound = Duration.ofMillis(boundMs);

        // --- collect the statements
        record Pending(String file, int line, String text, String head, String source, SqlStatement statement) {
        }
        List<Pending> pending = new ArrayList<>();
        int files = 0;
        int psqlMeta = 0;
        for (Path file : Corpus.sqlFiles(corpus)) {
            String rel = Corpus.relative(corpus, file);
            if (!repoFilter.isEmpty() && repoFilter.stream().noneMatch(r -> rel.split("/")[0].contains(r))) {
                continue;
            }
            files++;
            String text = Corpus.decode(Files.readAllBytes(file));
            SourceText source = new SourceText(text);
            for (SqlStatement s : StatementSplitter.split(source, Corpus.markerRegions(text))) {
                if (s.isPsqlMeta()) {
                    psqlMeta++;
                    continue;
                }
                pending.add(new Pending(rel, s.line(), s.text(source), head(text, s.tokens()), text, s));
            }
        }
        out.printf(Locale.ROOT, "JSqlParser (%s) vs Redline's StatementParser on %s%n", jsqlParserJar(), corpus);
        out.printf(Locale.ROOT, "%,d .sql files, %,d SQL statements (%,d psql meta-commands left out); bound %s"
                + " per statement%n%n", files, pending.size(), psqlMeta, bound);

        // --- warm up (untimed), then measure
        for (int i = 0; i < Math.min(warmup, pending.size()); i++) {
            Pending p = pending.get(i);
            new StatementParser(p.source()).parse(p.statement());
            SecondOpinion.examine(p.text(), bound);
        }
        List<Row> rows = new ArrayList<>(pending.size());
        long wall0 = System.nanoTime();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            long r0 = System.nanoTime();
            ParsedStatement ps = new StatementParser(p.source()).parse(p.statement());
            long rn = System.nanoTime() - r0;
            Examined ex = SecondOpinion.examine(p.text(), bound);
            rows.add(new Row(p.file(), p.line(), p.text(), p.head(), ps, rn, ex));
            if ((i + 1) % 2000 == 0) {
                System.err.printf(Locale.ROOT, "  … %,d / %,d%n", i + 1, pending.size());
            }
        }
        long wall = System.nanoTime() - wall0;

        report(out, rows, files, wall, show);
        return 0;
    }

    private static void report(PrintStream out, List<Row> rows, int files, long wallNanos, int show) {
        int n = rows.size();
        List<Row> parsed = rows.stream().filter(r -> r.verdict().isParsed()).toList();
        List<Row> failed = rows.stream().filter(r -> r.verdict().isFailed()).toList();
        List<Row> timedOut = rows.stream().filter(r -> r.verdict().isTimedOut()).toList();
        long unsupported = failed.stream().filter(r -> "UnsupportedStatement".equals(r.verdict().statementType()))
                .count();
        long trailing = failed.stream().filter(r -> r.verdict().message() != null
                && r.verdict().message().contains("after the end of the statement")).count();
        Set<String> filesWithFailure = new HashSet<>();
        Set<String> allFiles = new HashSet<>();
        for (Row r : rows) {
            allFiles.add(r.file());
            if (!r.verdict().isParsed()) {
                filesWithFailure.add(r.file());
            }
        }

        out.println("== JSqlParser");
        out.printf(Locale.ROOT, "parsed     %,7d  %5.2f%%%n", parsed.size(), pct(parsed.size(), n));
        out.printf(Locale.ROOT, "failed     %,7d  %5.2f%%  (of which %d only as UnsupportedStatement, %d with text"
                + " after the first statement)%n", failed.size(), pct(failed.size(), n), unsupported, trailing);
        out.printf(Locale.ROOT, "timed out  %,7d  %5.2f%%%n", timedOut.size(), pct(timedOut.size(), n));
        out.printf(Locale.ROOT, "files with at least one statement not parsed: %,d of %,d (%.1f%%)%n",
                filesWithFailure.size(), allFiles.size(), pct(filesWithFailure.size(), allFiles.size()));
        long[] jt = rows.stream().mapToLong(r -> r.verdict().elapsedNanos()).sorted().toArray();
        long[] rt = rows.stream().mapToLong(Row::redlineNanos).sorted().toArray();
        out.printf(Locale.ROOT, "time per statement  JSqlParser: total %s  p50 %s  p99 %s  max %s%n",
                ms(Arrays.stream(jt).sum()), ms(pctl(jt, 0.50)), ms(pctl(jt, 0.99)), ms(max(jt)));
        out.printf(Locale.ROOT, "                    Redline:    total %s  p50 %s  p99 %s  max %s%n",
                ms(Arrays.stream(rt).sum()), ms(pctl(rt, 0.50)), ms(pctl(rt, 0.99)), ms(max(rt)));
        out.printf(Locale.ROOT, "wall time of the measured pass: %s%n", ms(wallNanos));
        Row slowest = rows.stream().max(Comparator.comparingLong(r -> r.verdict().elapsedNanos())).orElse(null);
        if (slowest != null) {
            out.printf(Locale.ROOT, "slowest: %s  %s  %s%n", ms(slowest.verdict().elapsedNanos()), slowest.where(),
                    Corpus.oneLine(slowest.text(), 100));
        }

        out.println();
        out.println("-- JSqlParser failures and time-outs by first two words (count, example, JSqlParser's message)");
        group(out, rows.stream().filter(r -> !r.verdict().isParsed()).toList(), Row::head, show,
                r -> r.verdict().message());

        // --- Redline
        List<Row> unknown = rows.stream().filter(r -> r.redline() instanceof ParsedStatement.Unknown).toList();
        List<Row> unknownAction = rows.stream().filter(r -> r.redline() instanceof ParsedStatement.AlterTable a
                && a.actions().stream().anyMatch(x -> x instanceof AlterAction.Unknown)).toList();
        out.println();
        out.println("== Redline's StatementParser");
        out.printf(Locale.ROOT, "Unknown statements %,d (%.2f%%); ALTER TABLE with an unknown action %,d%n",
                unknown.size(), pct(unknown.size(), n), unknownAction.size());
        long unknownJsqlParsed = unknown.stream().filter(r -> r.verdict().isParsed()).count();
        out.printf(Locale.ROOT, "of the Unknowns, JSqlParser parses %d, fails on %d, times out on %d%n",
                unknownJsqlParsed, unknown.stream().filter(r -> r.verdict().isFailed()).count(),
                unknown.stream().filter(r -> r.verdict().isTimedOut()).count());
        group(out, unknown, Row::head, show, r -> ((ParsedStatement.Unknown) r.redline()).reason()
                + " | " + r.verdict().describe());

        // --- disagreements
        out.println();
        out.println("== Disagreements that matter (Redline category → JSqlParser category)");
        List<Row> disagree = new ArrayList<>();
        for (Row r : rows) {
            String rc = redlineCategory(r.redline());
            if (rc.equals("UNKNOWN")) {
                if (r.verdict().isParsed()) {
                    disagree.add(r);
                }
                continue;
            }
            if (!r.verdict().isParsed()) {
                if (RISKY.contains(rc)) {
                    disagree.add(r);
                }
                continue;
            }
            if (matters(r, rc, jsqlCategory(r.verdict().statementType()))) {
                disagree.add(r);
            }
        }
        out.printf(Locale.ROOT, "%,d statements%n", disagree.size());
        group(out, disagree, r -> redlineCategory(r.redline()) + " → " + (r.verdict().isParsed()
                ? jsqlCategory(r.verdict().statementType()) + " (" + r.verdict().statementType() + ")"
                : r.verdict().outcome().name().toLowerCase(Locale.ROOT)), show, r -> r.verdict().isParsed()
                ? Corpus.oneLine(String.valueOf(r.jsql().statement()), 110) : r.verdict().message());

        // --- wrong successes
        out.println();
        out.println("== JSqlParser successes that are detectably wrong");
        List<Row> wrong = new ArrayList<>();
        Map<String, List<Row>> wrongBy = new TreeMap<>();
        for (Row r : rows) {
            if (!r.verdict().isParsed()) {
                continue;
            }
            for (String why : wrongness(r)) {
                wrongBy.computeIfAbsent(why, k -> new ArrayList<>()).add(r);
            }
        }
        Set<Row> distinct = new LinkedHashSet<>();
        wrongBy.values().forEach(distinct::addAll);
        wrong.addAll(distinct);
        out.printf(Locale.ROOT, "%,d statements (%.2f%% of JSqlParser's successes)%n", wrong.size(),
                pct(wrong.size(), parsed.size()));
        for (var e : wrongBy.entrySet()) {
            out.printf(Locale.ROOT, "%5d  %s%n", e.getValue().size(), e.getKey());
            for (Row r : e.getValue().subList(0, Math.min(show, e.getValue().size()))) {
                out.printf(Locale.ROOT, "         %s  %s%n         ⇒ %s%n", r.where(), Corpus.oneLine(r.text(), 100),
                        Corpus.oneLine(whatItRead(r.jsql().statement()), 100));
            }
        }

        // --- deparse check: words of the statement that JSqlParser's tree does not print back
        Map<String, Integer> lost = new TreeMap<>();
        Map<String, Row> lostExample = new TreeMap<>();
        int withLoss = 0;
        for (Row r : parsed) {
            Set<String> missing = lostWords(r);
            if (!missing.isEmpty()) {
                withLoss++;
            }
            for (String w : missing) {
                lost.merge(w, 1, Integer::sum);
                lostExample.putIfAbsent(w, r);
            }
        }
        out.println();
        out.printf(Locale.ROOT, "== Deparse check: %,d parsed statements print back without some keyword of the"
                + " original (minus deparser noise)%s%n", withLoss, withLoss == 0 ? "" : "; most frequent:");
        lost.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(e -> {
                    Row r = lostExample.get(e.getKey());
                    out.printf(Locale.ROOT, "%5d  %-16s e.g. %s  %s%n", e.getValue(), e.getKey(), r.where(),
                            Corpus.oneLine(r.text(), 90));
                });
        int abandoned = SecondOpinion.abandonedStillRunning();
        if (abandoned > 0) {
            out.printf(Locale.ROOT, "%n(%d timed-out parses were still running at the end)%n", abandoned);
        }
    }

    /** Reasons a JSqlParser success is wrong, judged against the text and Redline's parse. */
    static List<String> wrongness(Row r) {
        List<String> why = new ArrayList<>();
        Statement st = r.jsql().statement();
        ParsedStatement ps = r.redline();
        if (st instanceof Drop d) {
            String name = d.getName() == null ? "" : String.valueOf(d.getName().getName());
            boolean concurrentlyAsName = name.equalsIgnoreCase("CONCURRENTLY");
            if (concurrentlyAsName) {
                why.add("DROP … CONCURRENTLY read as an object named CONCURRENTLY");
            }
            if (ps instanceof ParsedStatement.Drop rd && !concurrentlyAsName) {
                if (!rd.names().isEmpty() && d.getName() != null && !sameName(rd.names().get(0), d.getName())) {
                    why.add("DROP target differs from Redline's");
                }
                String type = (d.isMaterialized() ? "MATERIALIZED " : "")
                        + String.valueOf(d.getType()).toUpperCase(Locale.ROOT);
                if (!type.equals(rd.objectType())) {
                    why.add("DROP object type differs from Redline's (" + type + " vs " + rd.objectType() + ")");
                }
                if (d.isIfExists() != rd.ifExists()) {
                    why.add("DROP IF EXISTS differs from Redline's");
                }
                boolean cascade = d.getParameters() != null
                        && d.getParameters().stream().anyMatch(x -> x.equalsIgnoreCase("CASCADE"));
                if (cascade != rd.cascade()) {
                    why.add("DROP CASCADE differs from Redline's");
                }
            }
        }
        if (st instanceof Alter a && ps instanceof ParsedStatement.AlterTable at) {
            if (a.getTable() != null && !sameName(at.table(), a.getTable())) {
                why.add("ALTER TABLE target differs from Redline's");
            }
            int jn = a.getAlterExpressions() == null ? 0 : a.getAlterExpressions().size();
            if (jn != at.actions().size()) {
                why.add("ALTER TABLE action count differs from Redline's");
            }
        }
        if (st instanceof CreateIndex ci && ps instanceof ParsedStatement.CreateIndex rci) {
            if (ci.getTable() != null && !sameName(rci.table(), ci.getTable())) {
                why.add("CREATE INDEX table differs from Redline's");
            }
            if (ci.getIndex() != null && ci.getIndex().getName() != null && rci.index() != null
                    && !fold(lastPart(ci.getIndex().getName()))
                    .equals(SecondOpinion.neutralizePlaceholders(rci.index().name()))) {
                why.add("CREATE INDEX name differs from Redline's");
            }
            if (rci.unique() != String.valueOf(ci).toUpperCase(Locale.ROOT).startsWith("CREATE UNIQUE")) {
                why.add("CREATE INDEX UNIQUE differs from Redline's");
            }
            if (rci.concurrently() && !String.valueOf(ci).toUpperCase(Locale.ROOT).contains("CONCURRENTLY")) {
                why.add("CREATE INDEX CONCURRENTLY lost");
            }
        }
        if (st instanceof Truncate t && ps instanceof ParsedStatement.Truncate rt) {
            int jn = t.getTables() != null && !t.getTables().isEmpty() ? t.getTables().size()
                    : t.getTable() == null ? 0 : 1;
            if (jn != rt.tables().size()) {
                why.add("TRUNCATE table count differs from Redline's");
            }
        }
        if ((st instanceof Update || st instanceof Delete) && ps instanceof ParsedStatement.Dml dml) {
            boolean jsqlWhere = st instanceof Update u ? u.getWhere() != null : ((Delete) st).getWhere() != null;
            dml.changes().stream().filter(c -> !c.inCte()).findFirst().ifPresent(c -> {
                if (c.hasWhere() != jsqlWhere) {
                    why.add("UPDATE/DELETE: WHERE presence differs from Redline's");
                }
            });
        }
        return why;
    }

    /** What JSqlParser's tree holds: the fields for a DROP (its deparse hides a misread), else its deparse. */
    private static String whatItRead(Statement st) {
        if (st instanceof Drop d) {
            return "Drop type=" + d.getType() + " name=" + d.getName() + " parameters=" + d.getParameters()
                    + " ifExists=" + d.isIfExists();
        }
        return String.valueOf(st);
    }

    /** Significant words of the statement (Redline's WORD tokens, upper case) missing from JSqlParser's toString. */
    static Set<String> lostWords(Row r) {
        Set<String> printed = new HashSet<>();
        Matcher m = WORD.matcher(String.valueOf(r.jsql().statement()));
        while (m.find()) {
            printed.add(m.group().toUpperCase(Locale.ROOT));
        }
        Set<String> missing = new LinkedHashSet<>();
        Matcher w = WORD.matcher(stripLiteralsAndComments(r.text()));
        while (w.find()) {
            String word = w.group().toUpperCase(Locale.ROOT);
            if (!printed.contains(word) && !DEPARSE_NOISE.contains(word) && isKeywordLike(word)) {
                missing.add(word);
            }
        }
        return missing;
    }

    /** Keywords that change a statement's meaning or locking; identifiers are not checked (quoting noise). */
    private static boolean isKeywordLike(String w) {
        return Set.of("CONCURRENTLY", "IF", "EXISTS", "CASCADE", "RESTRICT", "NOT", "VALID", "ONLY", "WHERE",
                "UNIQUE", "DROP", "ADD", "ALTER", "RENAME", "USING", "TEMPORARY", "TEMP", "UNLOGGED", "MATERIALIZED",
                "PRIMARY", "FOREIGN", "REFERENCES", "CHECK", "CONSTRAINT", "INDEX", "TABLE", "VIEW", "SEQUENCE",
                "RETURNING", "DELETE", "UPDATE", "INSERT", "TRUNCATE", "VALIDATE", "INHERIT", "PARTITION", "ATTACH",
                "DETACH", "OWNED", "GENERATED", "STORED", "IDENTITY", "NOWAIT", "LOCK", "DEFERRABLE").contains(w);
    }

    /** The text with quoted strings, quoted identifiers, dollar-quoted bodies and comments blanked (roughly). */
    private static String stripLiteralsAndComments(String s) {
        return s.replaceAll("(?s)\\$([A-Za-z_]*)\\$.*?\\$\\1\\$", " ")
                .replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("--[^\n]*", " ")
                .replaceAll("'(?:[^']|'')*'", " ")
                .replaceAll("\"(?:[^\"]|\"\")*\"", " ");
    }

    /** Same object? JSqlParser saw placeholders already neutralized, so Redline's side is neutralized too. */
    private static boolean sameName(QName q, Table t) {
        String name = fold(t.getName());
        if (!name.equals(SecondOpinion.neutralizePlaceholders(q.name()))) {
            return false;
        }
        String schema = t.getSchemaName();
        return schema == null || q.schema() == null
                || fold(schema).equals(SecondOpinion.neutralizePlaceholders(q.schema()).toLowerCase(Locale.ROOT));
    }

    private static String lastPart(String dotted) {
        int dot = dotted.lastIndexOf('.');
        return dot < 0 ? dotted : dotted.substring(dot + 1);
    }

    private static String fold(String ident) {
        if (ident == null) {
            return "";
        }
        if (ident.length() >= 2 && ident.startsWith("\"") && ident.endsWith("\"")) {
            return ident.substring(1, ident.length() - 1).replace("\"\"", "\"");
        }
        return ident.toLowerCase(Locale.ROOT);
    }

    /** Whether both parsed but disagree on what the statement is, in a way that matters to migration risk. */
    private static boolean matters(Row r, String rc, String jc) {
        if (rc.equals(jc) || !RISKY.contains(rc) && !RISKY.contains(jc)) {
            return false;
        }
        if (rc.equals("WITH") && (jc.equals("QUERY") || jc.equals("DATA CHANGE"))) {
            return false; // Redline does not name the main verb of WITH … SELECT|INSERT without UPDATE/DELETE
        }
        // WITH x AS (UPDATE …) SELECT …: JSqlParser's top is a select, the changes are in its WITH items
        return !(rc.equals("DATA CHANGE") && jc.equals("QUERY") && r.redline() instanceof ParsedStatement.Dml d
                && d.changes().stream().allMatch(ParsedStatement.DataChange::inCte));
    }

    static String redlineCategory(ParsedStatement ps) {
        if (ps instanceof ParsedStatement.AlterTable) {
            return "ALTER TABLE";
        }
        if (ps instanceof ParsedStatement.AlterObject) {
            return "ALTER other";
        }
        if (ps instanceof ParsedStatement.Drop) {
            return "DROP";
        }
        if (ps instanceof ParsedStatement.CreateTable) {
            return "CREATE TABLE";
        }
        if (ps instanceof ParsedStatement.CreateIndex) {
            return "CREATE INDEX";
        }
        if (ps instanceof ParsedStatement.CreateObject || ps instanceof ParsedStatement.CreateDatabase) {
            return "CREATE other";
        }
        if (ps instanceof ParsedStatement.Truncate) {
            return "TRUNCATE";
        }
        if (ps instanceof ParsedStatement.Dml d) {
            if (d.verb().equals("SELECT") || d.verb().equals("VALUES")) {
                return "QUERY";
            }
            return d.verb().equals("WITH") && d.changes().isEmpty() ? "WITH" : "DATA CHANGE";
        }
        if (ps instanceof ParsedStatement.TransactionControl) {
            return "TX";
        }
        if (ps instanceof ParsedStatement.SetParameter) {
            return "SET";
        }
        return ps instanceof ParsedStatement.Unknown ? "UNKNOWN" : "OTHER";
    }

    static String jsqlCategory(String type) {
        if (type == null) {
            return "?";
        }
        return switch (type) {
            case "Alter" -> "ALTER TABLE";
            case "Drop" -> "DROP";
            case "CreateTable" -> "CREATE TABLE";
            case "CreateIndex" -> "CREATE INDEX";
            case "Truncate" -> "TRUNCATE";
            case "PlainSelect", "SetOperationList", "ParenthesedSelect", "Values", "LateralSubSelect",
                 "TableStatement", "Select" -> "QUERY";
            case "Insert", "Update", "Delete", "Merge", "Upsert" -> "DATA CHANGE";
            case "Commit", "RollbackStatement", "SavepointStatement" -> "TX";
            case "SetStatement", "ResetStatement" -> "SET";
            default -> type.startsWith("Create") ? "CREATE other"
                    : type.startsWith("Alter") || type.startsWith("Rename") ? "ALTER other" : "OTHER";
        };
    }

    private static void group(PrintStream out, List<Row> rows, Function<Row, String> key, int show,
                              Function<Row, String> note) {
        Map<String, List<Row>> by = new TreeMap<>();
        for (Row r : rows) {
            by.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        by.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<Row>> e) -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> {
                    out.printf(Locale.ROOT, "%5d  %s%n", e.getValue().size(), e.getKey());
                    for (Row r : e.getValue().subList(0, Math.min(show, e.getValue().size()))) {
                        out.printf(Locale.ROOT, "         %s  %s%n", r.where(), Corpus.oneLine(r.text(), 100));
                        String msg = note.apply(r);
                        if (msg != null) {
                            out.printf(Locale.ROOT, "           ↳ %s%n", Corpus.oneLine(msg, 150));
                        }
                    }
                });
    }

    /** The statement's first two words (upper case), or its first token(s) when it does not start with words. */
    static String head(String source, List<Token> tokens) {
        List<String> words = new ArrayList<>();
        for (Token t : tokens) {
            if (words.size() == 2) {
                break;
            }
            String text = t.text(source);
            words.add(switch (t.kind()) {
                case WORD -> text.toUpperCase(Locale.ROOT);
                case DOLLAR_STRING -> "$$…$$";
                case STRING -> "'…'";
                default -> Corpus.oneLine(text, 20);
            });
        }
        return String.join(" ", words);
    }

    /** The jar JSqlParser was loaded from (its version is in the name). */
    private static String jsqlParserJar() {
        try {
            var src = Statement.class.getProtectionDomain().getCodeSource();
            return src == null ? "?" : Paths.get(src.getLocation().toURI()).getFileName().toString();
        } catch (Exception e) {
            return "?";
        }
    }

    private static double pct(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static long pctl(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static long max(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    private static String ms(long nanos) {
        double ms = nanos / 1e6;
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000);
        }
        return ms >= 10 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.3f ms", ms);
    }

    private static String arg(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("missing value after " + args[i - 1]);
        }
        return args[i];
    }
}

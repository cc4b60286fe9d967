package dev.redline.core.parse;

import dev.redline.core.sql.Lexer;
import dev.redline.core.sql.TokenKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.parser.feature.Feature;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * JSqlParser's opinion of one statement, asked only about statements {@link StatementParser} could not classify, so
 * that the {@code unparsed} finding can say whether a general-purpose parser makes sense of it. It never makes a
 * statement safe: it only adds to the finding's message.
 *
 * <p>JSqlParser 5.3 has no PostgreSQL dialect switch; the PostgreSQL-like settings are: no {@code [bracket]}
 * quotation, no backslash escapes in {@code '…'} strings (standard_conforming_strings), the
 * {@code allowPostgresSpecificSyntax} feature on (the grammar does not read it in 5.3 or 5.4), and unsupported
 * statements <em>not</em> accepted as opaque blobs. Like {@code CCJSqlParserUtil.parse}, it tries simple parsing
 * first and complex parsing when that fails and the statement is nested at most
 * {@link CCJSqlParserUtil#ALLOWED_NESTING_DEPTH} deep.
 *
 * <p>Time bound: JSqlParser's own {@code timeOut} feature only sets a flag the grammar checks in a few places
 * (its time is super-linear in nesting: 400 nested parentheses take about 2 s, and with a 4 MB stack 3,000 of them
 * keep it busy for more than 20 s after the flag is set), and the executor {@code CCJSqlParserUtil.parse} creates
 * has non-daemon threads. So each parse runs here on a daemon worker thread with a 1 MB stack (deeper nesting
 * ends quickly in a {@link StackOverflowError}, reported as a failure); after the bound the caller gets
 * {@link Outcome#TIMED_OUT}, the flag is set and the worker is abandoned to finish on its own (measured: within
 * about 2 s more). At most {@link #MAX_ABANDONED} abandoned workers may still be running; while that many are,
 * further statements are not tried (also {@code TIMED_OUT}).
 *
 * <p>Two rewrites keep every offset, so line and column numbers in JSqlParser's errors are those of the original
 * text: Flyway {@code ${placeholders}} become neutral identifiers of the same length, and {@code \'} inside
 * {@code E'…'} strings becomes {@code ''} (JSqlParser reads {@code E'…'} but, without backslash escapes, would end
 * the string at {@code \'}; turning backslash escapes on would break standard strings such as {@code 'C:\'}).
 */
public final class SecondOpinion {

    /** The default bound on one statement's parse. */
    public static final Duration DEFAULT_BOUND = Duration.ofSeconds(2);

    /** How many abandoned (timed-out) parses may still be running before further statements are not tried. */
    public static final int MAX_ABANDONED = 4;

    /** {@code ${name}}, Flyway's default placeholder syntax (names like {@code schema}, {@code flyway:user}). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Za-z0-9_.:\\-]*}");

    private static final int MAX_EXPECTED = 6;
    private static final int MAX_MESSAGE = 200;
    /** Small on purpose: deep nesting should overflow fast rather than keep JSqlParser busy for many seconds. */
    private static final long WORKER_STACK_BYTES = 1L << 20;

    private static final AtomicInteger ABANDONED_RUNNING = new AtomicInteger();

    private static final ThreadPoolExecutor WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30,
            TimeUnit.SECONDS, new SynchronousQueue<>(), new DaemonThreads());

    private SecondOpinion() {
    }

    /** What JSqlParser made of a statement. */
    public enum Outcome {
        /** It parsed; {@link Verdict#statementType()} is JSqlParser's statement class. */
        PARSED,
        /** It did not parse (or only as an {@code UnsupportedStatement}); {@link Verdict#message()} says why. */
        FAILED,
        /** No answer within the bound. */
        TIMED_OUT
    }

    /**
     * JSqlParser's verdict on one statement.
     *
     * @param outcome       parsed, failed or timed out
     * @param statementType simple name of JSqlParser's statement class ({@code Alter}, {@code Drop},
     *                      {@code PlainSelect}…) when it parsed, or {@code UnsupportedStatement}; else null
     * @param message       when it failed or timed out, a one-line reason (line/column relative to the
     *                      statement, the unexpected token, what was expected); null when it parsed
     * @param elapsedNanos  wall time the caller waited
     */
    public record Verdict(Outcome outcome, String statementType, String message, long elapsedNanos) {

        public Verdict {
            Objects.requireNonNull(outcome, "outcome");
        }

        public boolean isParsed() {
            return outcome == Outcome.PARSED;
        }

        public boolean isFailed() {
            return outcome == Outcome.FAILED;
        }

        public boolean isTimedOut() {
            return outcome == Outcome.TIMED_OUT;
        }

        /** One sentence for the {@code unparsed} finding's message. */
        public String describe() {
            return switch (outcome) {
                case PARSED -> "JSqlParser parses it (as " + statementType + ")";
                case FAILED -> "JSqlParser cannot parse it either: " + message;
                case TIMED_OUT -> "JSqlParser gave no answer: " + message;
            };
        }
    }

    /**
     * A verdict and JSqlParser's tree when it produced a whole one (parsed, or only an {@code UnsupportedStatement});
     * null otherwise. For benchmarks that look at what it understood.
     */
    public record Examined(Verdict verdict, Statement statement) {
    }

    /** JSqlParser's verdict on one statement (no trailing semicolon needed), within {@link #DEFAULT_BOUND}. */
    public static Verdict of(String sql) {
        return of(sql, DEFAULT_BOUND);
    }

    /** JSqlParser's verdict on one statement within {@code bound}. Never throws. */
    public static Verdict of(String sql, Duration bound) {
        return examine(sql, bound).verdict();
    }

    /** Like {@link #of(String, Duration)}, keeping JSqlParser's statement tree when it parsed. Never throws. */
    public static Examined examine(String sql, Duration bound) {
        long t0 = System.nanoTime();
        try {
            return examine0(sql == null ? "" : sql, bound == null ? DEFAULT_BOUND : bound, t0);
        } catch (Throwable t) { // never throw: a second opinion must not break the analysis
            return new Examined(new Verdict(Outcome.FAILED, null, "internal error: " + describeThrowable(t),
                    System.nanoTime() - t0), null);
        }
    }

    /**
     * {@code text} with each Flyway {@code ${placeholder}} replaced by an identifier of the same length
     * ({@code ph}, then underscores), so JSqlParser sees a plain name and positions do not move.
     */
    public static String neutralizePlaceholders(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text);
        do {
            int len = m.end() - m.start();
            sb.replace(m.start(), m.end(), "ph" + "_".repeat(len - 2));
        } while (m.find());
        return sb.toString();
    }

    /**
     * {@code text} with each {@code \'} inside an {@code E'…'} string (found by Redline's lexer) replaced by
     * {@code ''}, the same quote in standard-string syntax; other backslash escapes stay as they are.
     */
    public static String neutralizeEscapeStrings(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder sb = null;
        for (dev.redline.core.sql.Token t : Lexer.tokenize(text)) {
            int s = t.start();
            if (t.kind() != TokenKind.STRING || t.length() < 3 || text.charAt(s + 1) != '\''
                    || text.charAt(s) != 'e' && text.charAt(s) != 'E') {
                continue;
            }
            int close = t.end() - 1; // the closing quote
            for (int i = s + 2; i < close; i++) {
                if (text.charAt(i) == '\\' && i + 1 < close) {
                    if (text.charAt(i + 1) == '\'') {
                        if (sb == null) {
                            sb = new StringBuilder(text);
                        }
                        sb.setCharAt(i, '\'');
                    }
                    i++;
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** How many timed-out parses are still running on abandoned workers. */
    public static int abandonedStillRunning() {
        return ABANDONED_RUNNING.get();
    }

    private static Examined examine0(String sql, Duration bound, long t0) throws InterruptedException {
        String text = neutralizeEscapeStrings(neutralizePlaceholders(sql)).strip();
        if (text.isEmpty()) {
            return done(Outcome.FAILED, null, "empty statement", null, t0);
        }
        int abandoned = ABANDONED_RUNNING.get();
        if (abandoned >= MAX_ABANDONED) {
            return done(Outcome.TIMED_OUT, null, "not tried: " + abandoned
                    + " earlier parses over the time bound are still running", null, t0);
        }
        AtomicReference<CCJSqlParser> current = new AtomicReference<>();
        AbandonFlag flag = new AbandonFlag();
        Future<Examined> future = WORKERS.submit(() -> {
            try {
                return parse(text, current, t0);
            } finally {
                flag.finished();
            }
        });
        long boundNanos = Math.max(1, bound.toNanos());
        try {
            return future.get(boundNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            flag.abandon();
            CCJSqlParser p = current.get();
            if (p != null) {
                p.interrupted = true; // JSqlParser's own stop flag; it checks it in only a few places
            }
            future.cancel(true);
            return done(Outcome.TIMED_OUT, null, "no result within " + human(bound), null, t0);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return done(Outcome.FAILED, null, describeThrowable(cause), null, t0);
        } catch (InterruptedException e) {
            flag.abandon();
            future.cancel(true);
            Thread.currentThread().interrupt();
            return done(Outcome.TIMED_OUT, null, "interrupted while waiting", null, t0);
        }
    }

    /** Deeper statements are not given JSqlParser's slower second, "complex" attempt (its own default is 10). */
    private static final int COMPLEX_PARSE_NESTING_LIMIT = 10;

    /** Runs on the worker: simple parsing, then complex parsing when that fails and nesting allows. */
    private static Examined parse(String text, AtomicReference<CCJSqlParser> current, long t0) {
        Throwable error;
        try {
            return parseWith(text, false, current, t0);
        } catch (ParseException | TokenMgrException | StackOverflowError e) {
            error = e;
        }
        if (!Thread.currentThread().isInterrupted()
                && CCJSqlParserUtil.getNestingDepth(text) <= COMPLEX_PARSE_NESTING_LIMIT) {
            try {
                return parseWith(text, true, current, t0);
            } catch (ParseException | TokenMgrException | StackOverflowError e) {
                error = e;
            }
        }
        return done(Outcome.FAILED, null, describeThrowable(error), null, t0);
    }

    private static Examined parseWith(String text, boolean complex, AtomicReference<CCJSqlParser> current, long t0)
            throws ParseException {
        CCJSqlParser parser = CCJSqlParserUtil.newParser(text)
                .withSquareBracketQuotation(false)
                .withBackslashEscapeCharacter(false)
                .withFeature(Feature.allowPostgresSpecificSyntax, true)
                .withUnsupportedStatements(false)
                .withAllowComplexParsing(complex);
        current.set(parser);
        Statement statement = parser.Statement();
        if (statement == null) {
            throw new ParseException("no statement");
        }
        // Statement() stops after the first statement and its ';': whatever follows is not part of what it read.
        Token next = parser.getNextToken();
        if (next != null && next.kind != CCJSqlParserConstants.EOF) {
            return done(Outcome.FAILED, statement.getClass().getSimpleName(), "line " + next.beginLine
                    + ", column " + next.beginColumn + ": text after the end of the statement (\""
                    + clip(next.image, 30) + "\")", null, t0);
        }
        if (statement instanceof UnsupportedStatement) {
            return done(Outcome.FAILED, "UnsupportedStatement",
                    "accepted only as an UnsupportedStatement (not understood)", statement, t0);
        }
        return done(Outcome.PARSED, statement.getClass().getSimpleName(), null, statement, t0);
    }

    private static Examined done(Outcome outcome, String type, String message, Statement statement, long t0) {
        return new Examined(new Verdict(outcome, type, message, System.nanoTime() - t0), statement);
    }

    /** A short, one-line reason: position, unexpected token, a few expected tokens. Never a stack trace. */
    static String describeThrowable(Throwable t) {
        if (t instanceof ParseException pe && pe.currentToken != null && pe.currentToken.next != null) {
            Token bad = pe.currentToken.next;
            StringBuilder sb = new StringBuilder();
            sb.append("line ").append(bad.beginLine).append(", column ").append(bad.beginColumn).append(": ");
            sb.append(bad.kind == CCJSqlParserConstants.EOF ? "unexpected end of statement"
                    : "unexpected \"" + clip(bad.image, 30) + "\"");
            List<String> expected = expected(pe);
            if (!expected.isEmpty()) {
                sb.append(", expected ");
                int shown = Math.min(MAX_EXPECTED, expected.size());
                sb.append(String.join(", ", expected.subList(0, shown)));
                if (expected.size() > shown) {
                    sb.append(" … (").append(expected.size() - shown).append(" more)");
                }
            }
            return sb.toString();
        }
        if (t instanceof StackOverflowError) {
            return "too deeply nested (JSqlParser ran out of stack)";
        }
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) {
            return t.getClass().getSimpleName();
        }
        String one = msg.replaceAll("\\s+", " ").strip();
        if (t instanceof TokenMgrException) {
            one = one.replaceFirst("^Lexical error at line (\\d+), column (\\d+)\\.", "line $1, column $2: lexical error;");
        }
        return clip(one, MAX_MESSAGE);
    }

    private static List<String> expected(ParseException pe) {
        if (pe.expectedTokenSequences == null || pe.tokenImage == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (int[] seq : pe.expectedTokenSequences) {
            if (seq.length == 0 || seq[0] < 0 || seq[0] >= pe.tokenImage.length) {
                continue;
            }
            out.add(tokenName(pe.tokenImage[seq[0]]));
        }
        return new ArrayList<>(out);
    }

    private static String tokenName(String image) {
        return switch (image) {
            case "<EOF>" -> "end of statement";
            case "<ST_SEMICOLON>" -> "\";\"";
            case "<S_IDENTIFIER>", "<S_QUOTED_IDENTIFIER>" -> "a name";
            case "<S_LONG>", "<S_DOUBLE>" -> "a number";
            case "<S_CHAR_LITERAL>" -> "a string";
            case "<OPENING_BRACKET>" -> "\"(\"";
            case "<CLOSING_BRACKET>" -> "\")\"";
            case "<K_COMMA>" -> "\",\"";
            default -> {
                if (image.startsWith("<K_") && image.endsWith(">")) {
                    yield image.substring(3, image.length() - 1);
                }
                if (image.length() > 2 && image.startsWith("\"") && image.endsWith("\"")) {
                    String inner = image.substring(1, image.length() - 1);
                    yield inner.chars().allMatch(Character::isLetter) ? inner.toUpperCase(Locale.ROOT) : image;
                }
                yield image;
            }
        };
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("\\s+", " ");
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }

    private static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /** Counts the worker among the abandoned ones from the moment it is abandoned until it finishes. */
    private static final class AbandonFlag {
        private boolean abandoned;
        private boolean finished;

        synchronized void abandon() {
            if (!abandoned && !finished) {
                abandoned = true;
                ABANDONED_RUNNING.incrementAndGet();
            }
        }

        synchronized void finished() {
            if (!finished) {
                finished = true;
                if (abandoned) {
                    ABANDONED_RUNNING.decrementAndGet();
                }
            }
        }
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(null, r, "redline-jsqlparser-" + n.incrementAndGet(), WORKER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        }
    }
}

package dev.redline.core.analysis;

import dev.redline.core.model.Finding;
import dev.redline.core.model.MigrationScript;
import dev.redline.core.model.ScriptSection;
import dev.redline.core.model.Severity;
import dev.redline.core.model.Tool;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.parse.Span;
import dev.redline.core.parse.StatementParser;
import dev.redline.core.rules.DoBlockSummary;
import dev.redline.core.rules.FindingSink;
import dev.redline.core.rules.MigrationState;
import dev.redline.core.rules.NonTransactionalRule;
import dev.redline.core.rules.Rule;
import dev.redline.core.rules.RuleInfo;
import dev.redline.core.rules.StatementContext;
import dev.redline.core.schema.SchemaModel;
import dev.redline.core.sql.SourceText;
import dev.redline.core.sql.SqlStatement;
import dev.redline.core.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Runs every rule over one migration's statements, in order, against the schema the earlier migrations built. */
public final class MigrationAnalyzer {

    /** Findings inside a DO body that belong to the migration as a whole rather than to the block's summary. */
    private static final String PROMOTED_FROM_DO = "missing-lock-timeout";

    private final List<Rule> rules;

    public MigrationAnalyzer(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Splits and parses a loaded script. Needs nothing from other migrations, so it may run on any thread. */
    public static PreparedMigration prepare(MigrationScript script) {
        if (!script.readable()) {
            return new PreparedMigration(script, List.of(), List.of());
        }
        SourceText source = script.source();
        List<StatementSplitter.Region> regions = new ArrayList<>();
        for (int i = 0; i < script.sections().size(); i++) {
            ScriptSection s = script.sections().get(i);
            regions.add(new StatementSplitter.Region(s.start(), s.end(), i));
        }
        List<SqlStatement> statements = StatementSplitter.split(source, regions);
        StatementParser parser = new StatementParser(source.text());
        List<ParsedStatement> parsed = new ArrayList<>(statements.size());
        for (SqlStatement st : statements) {
            parsed.add(st.isPsqlMeta() ? new ParsedStatement.Harmless("PSQL") : parser.parse(st));
        }
        return new PreparedMigration(script, statements, parsed);
    }

    /**
     * Analyses a prepared migration. {@code schema} is the state before it, and is advanced past it (pass a copy for
     * a down script or any what-if).
     */
    public MigrationAnalysis analyze(PreparedMigration prepared, SchemaModel schema) {
        MigrationScript script = prepared.script();
        if (!script.readable()) {
            TransactionMode unknown = new TransactionMode(null, "Cannot tell: the file could not be read.");
            return new MigrationAnalysis(script.migration(), script.sha256(), null, List.of(), null,
                    ChecklistBuilder.build(List.of(), unknown, false), List.of(), script.problems());
        }
        SourceText source = script.source();
        StatementParser parser = new StatementParser(source.text());
        List<SqlStatement> statements = prepared.statements();
        List<ParsedStatement> parsed = prepared.parsed();
        boolean allNonTx = allNonTransactional(parsed);
        MigrationState state = new MigrationState();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement st = statements.get(i);
            ParsedStatement p = parsed.get(i);
            Boolean sectionTx = script.sections().isEmpty() ? null
                    : script.sections().get(Math.min(st.sectionIndex(), script.sections().size() - 1)).inTransaction();
            DoBlockSummary doBlock = null;
            if (p instanceof ParsedStatement.DoBlock d) {
                doBlock = readDoBlock(script, d, parser, schema, state, sectionTx, allNonTx, st, findings);
            }
            judge(new StatementContext(source, st, p, schema, state, script.migration(), sectionTx, allNonTx,
                    doBlock), new Sink(source, st.index(), script.placeholders(), findings));
        }
        findings.sort(Comparator.comparingInt(Finding::statement).thenComparingInt(Finding::start));
        TransactionMode mode = TransactionMode.of(script.migration().tool(), script.sections(), parsed);
        List<SqlStatement> kept = statements.stream().map(SqlStatement::withoutTokens).toList();
        return new MigrationAnalysis(script.migration(), script.sha256(), source, kept, mode.inTransaction(),
                ChecklistBuilder.build(findings, mode, true), List.copyOf(findings), script.problems());
    }

    private DoBlockSummary readDoBlock(MigrationScript script, ParsedStatement.DoBlock d, StatementParser parser,
                                       SchemaModel schema, MigrationState state, Boolean sectionTx, boolean allNonTx,
                                       SqlStatement outer, List<Finding> outerFindings) {
        SourceText source = script.source();
        if (!d.language().equals("plpgsql")) {
            return new DoBlockSummary(List.of(), 1);
        }
        DoBlockReader.Result read = DoBlockReader.read(source, d.bodyStart(), d.bodyEnd(), parser);
        List<DoBlockSummary.InnerStatement> inner = new ArrayList<>();
        int unreadable = 0;
        for (DoBlockReader.Inner in : read.statements()) {
            if (in.parsed() instanceof ParsedStatement.DoBlock) {
                unreadable++;
                continue;
            }
            List<Finding> found = new ArrayList<>();
            judge(new StatementContext(source, in.statement(), in.parsed(), schema, state, script.migration(),
                    sectionTx, allNonTx, null), new Sink(source, in.statement().index(), script.placeholders(), found));
            Severity worst = null;
            List<String> ids = new ArrayList<>();
            for (Finding f : found) {
                if (f.rule().equals(PROMOTED_FROM_DO)) {
                    // a lock taken inside the block queues traffic like any other: report it on the DO statement
                    outerFindings.add(new Finding(f.rule(), f.severity(), f.checklist(), outer.index(), f.start(),
                            f.end(), f.line(), f.column(), f.endLine(), f.target(), f.message(), f.hint()));
                    continue;
                }
                worst = Severity.worst(worst, f.severity());
                if (!ids.contains(f.rule())) {
                    ids.add(f.rule());
                }
            }
            inner.add(new DoBlockSummary.InnerStatement(in.statement().text(source), in.statement().line(), ids,
                    worst));
        }
        return new DoBlockSummary(inner, read.dynamicExecutes() + unreadable);
    }

    /**
     * Runs every rule on one statement, then moves the migration's state and the schema past it. Top-level statements
     * and those inside a DO body go through here alike, so the rules always see the state before the statement.
     */
    private void judge(StatementContext ctx, FindingSink sink) {
        for (Rule rule : rules) {
            rule.check(ctx, sink);
        }
        ctx.state().after(ctx.parsed(), ctx.statement().line(), ctx.schema(), ctx.tool() != Tool.PLAIN);
        ctx.schema().apply(ctx.parsed());
    }

    private static boolean allNonTransactional(List<ParsedStatement> parsed) {
        boolean any = false;
        for (ParsedStatement p : parsed) {
            if (NonTransactionalRule.reason(p) != null) {
                any = true;
            } else if (!(p instanceof ParsedStatement.SetParameter || p instanceof ParsedStatement.Harmless)) {
                return false;
            }
        }
        return any;
    }

    /** Turns rule reports into findings with lines and columns, and shows placeholder values in targets. */
    private static final class Sink implements FindingSink {
        private final SourceText source;
        private final int statement;
        private final Map<String, String> placeholders;
        private final List<Finding> out;

        Sink(SourceText source, int statement, Map<String, String> placeholders, List<Finding> out) {
            this.source = source;
            this.statement = statement;
            this.placeholders = placeholders;
            this.out = out;
        }

        @Override
        public void report(RuleInfo rule, Severity severity, Span span, String target, String message, String hint) {
            int start = span.start();
            int end = Math.max(span.end(), start);
            out.add(new Finding(rule.id(), severity, rule.checklistPoint(), statement, start, end, source.line(start),
                    source.column(start), source.line(Math.max(start, end - 1)), substitute(target),
                    substitute(message), hint));
        }

        private String substitute(String text) {
            if (text == null || placeholders.isEmpty() || !text.contains("${")) {
                return text;
            }
            String s = text;
            for (Map.Entry<String, String> e : placeholders.entrySet()) {
                s = s.replace("${" + e.getKey() + "}", e.getValue());
            }
            return s;
        }
    }
}

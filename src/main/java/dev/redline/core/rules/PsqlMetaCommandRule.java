package dev.redline.core.rules;

import dev.redline.core.model.Severity;

/** psql meta-commands ({@code \set}, {@code \i}, {@code \connect}): run by psql, not the server; not analysed. */
public final class PsqlMetaCommandRule implements Rule {

    static final RuleInfo INFO = new RuleInfo("psql-meta-command", 0, Severity.INFO,
            "A psql meta-command: only psql understands it, and Redline does not follow it.",
            "Keep migrations to plain SQL so every tool runs them the same way; inline included files.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx, FindingSink sink) {
        if (!ctx.statement().isPsqlMeta()) {
            return;
        }
        String text = ctx.text().trim();
        String command = text.split("\\s+", 2)[0];
        boolean includes = command.equals("\\i") || command.equals("\\ir") || command.equals("\\include")
                || command.equals("\\include_relative") || command.equals("\\c") || command.equals("\\connect")
                || command.equals("\\gexec");
        sink.report(INFO, includes ? Severity.RISKY : Severity.INFO, ctx.statementSpan(), null, "psql meta-command "
                + command + (includes ? ": it runs SQL (or switches database) in a way Redline does not follow."
                : " is run by psql, not the server; other tools fail on it."));
    }
}

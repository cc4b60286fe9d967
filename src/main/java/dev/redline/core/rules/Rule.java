package dev.redline.core.rules;

/** One check over one statement. Implementations are stateless; what they need to know comes in the context. */
public interface Rule {

    RuleInfo info();

    void check(StatementContext context, FindingSink sink);
}

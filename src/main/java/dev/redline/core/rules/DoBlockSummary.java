package dev.redline.core.rules;

import dev.redline.core.model.Severity;
import java.util.List;

/**
 * What Redline could read inside a DO block: the literal SQL statements (run directly or through
 * {@code EXECUTE 'literal'}) with what the rules found in them, and how many EXECUTEs build SQL at run time.
 */
public record DoBlockSummary(List<InnerStatement> statements, int dynamicExecutes) {

    /** One literal statement inside the block, with the ids and severity of what the rules found in it. */
    public record InnerStatement(String sql, int line, List<String> rules, Severity worst) {
    }
}

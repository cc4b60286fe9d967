package dev.redline.core.analysis;

import dev.redline.core.model.MigrationScript;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.sql.SqlStatement;
import java.util.List;

/**
 * A migration read, split and parsed: the part of the analysis that needs no other migration, so it can run in
 * parallel. Rules and the schema replay run afterwards, in apply order.
 */
public record PreparedMigration(MigrationScript script, List<SqlStatement> statements, List<ParsedStatement> parsed) {
}

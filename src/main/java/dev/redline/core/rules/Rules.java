package dev.redline.core.rules;

import java.util.List;

/** The registry: every rule Redline runs, in the order their findings are listed for one statement. */
public final class Rules {

    private static final List<Rule> ALL = List.of(
            new DropDatabaseRule(),
            new DropSchemaRule(),
            new DropTableRule(),
            new DropColumnRule(),
            new TruncateRule(),
            new DeleteWithoutWhereRule(),
            new UpdateWithoutWhereRule(),
            new RenameAsDropRule(),
            new DropObjectRule(),
            new DropConstraintRule(),
            new ChangeColumnTypeRule(),
            new AddNotNullRule(),
            new AddUniqueRule(),
            new AddForeignKeyRule(),
            new AddCheckRule(),
            new AddExclusionRule(),
            new RenameTableRule(),
            new RenameColumnRule(),
            new RenameObjectRule(),
            new NonTransactionalRule(),
            new TransactionControlRule(),
            new BlockingIndexBuildRule(),
            new BlockingIndexDropRule(),
            new TableRewriteRule(),
            new MissingLockTimeoutRule(),
            new DynamicSqlRule(),
            new PsqlMetaCommandRule(),
            new UnparsedRule());

    private Rules() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static RuleInfo info(String id) {
        for (Rule r : ALL) {
            if (r.info().id().equals(id)) {
                return r.info();
            }
        }
        return null;
    }
}

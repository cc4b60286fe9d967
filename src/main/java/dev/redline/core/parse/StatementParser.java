package dev.redline.core.parse;

import dev.redline.core.parse.AlterAction.AddColumn;
import dev.redline.core.parse.ParsedStatement.Unknown;
import dev.redline.core.sql.SqlStatement;
import dev.redline.core.sql.Token;
import dev.redline.core.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Redline's own recogniser for the PostgreSQL statements that matter to migration risk. It reads the statement's
 * tokens once, left to right, never recursing on parentheses, so its time is linear in the statement's length
 * whatever the nesting. What it does not recognise becomes {@link Unknown}.
 */
public final class StatementParser {

    /** Functions whose value differs per row: a DEFAULT calling one makes ADD COLUMN rewrite the table. */
    private static final Set<String> VOLATILE_FUNCTIONS = Set.of("random", "clock_timestamp", "gen_random_uuid",
            "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7", "nextval",
            "timeofday", "txid_current", "gen_random_bytes", "random_normal", "setseed");

    private static final Set<String> COLUMN_CONSTRAINT_WORDS = Set.of("CONSTRAINT", "NOT", "NULL", "DEFAULT",
            "PRIMARY", "UNIQUE", "REFERENCES", "CHECK", "GENERATED", "COLLATE", "COMPRESSION", "STORAGE",
            "DEFERRABLE", "INITIALLY");

    private static final Set<String> TABLE_CONSTRAINT_STARTS = Set.of("CONSTRAINT", "CHECK", "UNIQUE", "PRIMARY",
            "EXCLUDE", "FOREIGN");

    private static final Set<String> HARMLESS_HEADS = Set.of("GRANT", "REVOKE", "COMMENT", "SECURITY", "ANALYZE",
            "ANALYSE", "NOTIFY", "LISTEN", "UNLISTEN", "DISCARD", "CHECKPOINT", "EXPLAIN", "COPY", "LOAD",
            "DECLARE", "FETCH", "CLOSE", "MOVE", "EXECUTE", "DEALLOCATE", "REASSIGN", "IMPORT", "SHOW", "TABLE");

    /** Object types of more than one word, as they follow ALTER, DROP and CREATE. */
    private static final String[][] MULTI_WORD_TYPES = {
        {"MATERIALIZED", "VIEW"}, {"FOREIGN", "TABLE"}, {"FOREIGN", "DATA", "WRAPPER"}, {"EVENT", "TRIGGER"},
        {"TEXT", "SEARCH", "CONFIGURATION"}, {"TEXT", "SEARCH", "DICTIONARY"}, {"TEXT", "SEARCH", "PARSER"},
        {"TEXT", "SEARCH", "TEMPLATE"}, {"ACCESS", "METHOD"}, {"USER", "MAPPING"}, {"OPERATOR", "CLASS"},
        {"OPERATOR", "FAMILY"}, {"DEFAULT", "PRIVILEGES"}, {"LARGE", "OBJECT"}, {"PROCEDURAL", "LANGUAGE"},
        {"TRUSTED", "PROCEDURAL", "LANGUAGE"}, {"CONSTRAINT", "TRIGGER"},
    };

    private final String src;

    public StatementParser(String source) {
        this.src = source;
    }

    public ParsedStatement parse(SqlStatement statement) {
        return parse(statement.tokens());
    }

    public ParsedStatement parse(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return new ParsedStatement.Harmless("EMPTY");
        }
        TokenCursor c = new TokenCursor(src, tokens);
        Token first = c.peek();
        for (Token t : tokens) {
            if (t.kind() == TokenKind.UNTERMINATED) {
                return unknown(c, "an unterminated quote, dollar quote or comment");
            }
        }
        if (first.kind() == TokenKind.LPAREN) {
            return parseDml(c);
        }
        String head = c.upperWord();
        if (head == null) {
            return unknown(c, "it does not start with a keyword");
        }
        try {
            return switch (head) {
                case "ALTER" -> parseAlter(c);
                case "DROP" -> parseDrop(c);
                case "CREATE" -> parseCreate(c);
                case "TRUNCATE" -> parseTruncate(c);
                case "SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "MERGE", "VALUES" -> parseDml(c);
                case "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE" ->
                        new ParsedStatement.TransactionControl(head);
                case "PREPARE" -> c.isWord(1, "TRANSACTION")
                        ? new ParsedStatement.TransactionControl("PREPARE TRANSACTION")
                        : new ParsedStatement.Harmless("PREPARE");
                case "VACUUM" -> parseVacuum(c);
                case "CLUSTER" -> parseCluster(c);
                case "REINDEX" -> parseReindex(c);
                case "LOCK" -> parseLock(c);
                case "DO" -> parseDo(c);
                case "CALL" -> {
                    c.next();
                    yield new ParsedStatement.Call(c.qname());
                }
                case "SET" -> parseSet(c);
                case "RESET" -> {
                    c.next();
                    String name = c.identifier();
                    yield new ParsedStatement.SetParameter(name == null ? "all" : name, null, false);
                }
                case "REFRESH" -> parseRefresh(c);
                case "EXPLAIN" -> parseExplain(tokens, c);
                default -> HARMLESS_HEADS.contains(head) ? new ParsedStatement.Harmless(head)
                        : unknown(c, "Redline does not know statements that start with " + head);
            };
        } catch (RuntimeException e) {
            // The recogniser must never take the analysis down; an internal surprise is an unknown statement.
            return unknown(new TokenCursor(src, tokens), "Redline could not read it (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    private Unknown unknown(TokenCursor c, String reason) {
        Token t = c.peek() != null ? c.peek() : c.previous();
        return new Unknown(reason, t == null ? new Span(0, 0) : new Span(t.start(), t.end()));
    }

    // ---------------------------------------------------------------------------------------------- ALTER

    private ParsedStatement parseAlter(TokenCursor c) {
        c.next(); // ALTER
        if (c.isWord("TABLE")) {
            c.next();
            return parseAlterTable(c, false);
        }
        if (c.acceptAll("FOREIGN", "TABLE")) {
            return parseAlterTable(c, true);
        }
        if (c.isWord("SYSTEM")) {
            return new ParsedStatement.NonTransactional("ALTER SYSTEM");
        }
        String objectType = objectType(c);
        if (objectType == null) {
            return unknown(c, "Redline does not know ALTER " + (c.upperWord() == null ? "" : c.upperWord()));
        }
        if (objectType.equals("DOMAIN")) {
            ParsedStatement check = parseAlterDomainCheck(c);
            if (check != null) {
                return check;
            }
        }
        int nameStart = c.pos();
        c.acceptAll("IF", "EXISTS");
        QName name = objectType.equals("DEFAULT PRIVILEGES") ? null : c.qname();
        if (c.isKind(TokenKind.LPAREN)) {
            c.skipGroup(); // function signature
        }
        // find the action keyword
        String action = "OTHER";
        String newName = null;
        int actionIndex = c.pos();
        while (!c.atEnd()) {
            if (c.isWord("RENAME")) {
                action = "RENAME";
                actionIndex = c.pos();
                if (c.isWord(1, "VALUE")) {
                    action = "RENAME VALUE";
                } else if (c.isWord(1, "COLUMN") || c.isWord(1, "ATTRIBUTE")) {
                    action = "RENAME COLUMN";
                } else if (c.isWord(1, "CONSTRAINT")) {
                    action = "RENAME CONSTRAINT";
                }
                break;
            }
            if (c.acceptAll("ADD", "VALUE")) {
                action = "ADD VALUE";
                actionIndex = c.pos() - 2;
                break;
            }
            if (c.isWord("OWNER")) {
                action = "OWNER";
                break;
            }
            if (c.isWord("SET") && c.isWord(1, "SCHEMA")) {
                action = "SET SCHEMA";
                break;
            }
            if (c.isWord("SET") && c.isWord(1, "TABLESPACE")) {
                action = "SET TABLESPACE";
                actionIndex = c.pos();
                break;
            }
            if (c.isKind(TokenKind.LPAREN)) {
                c.skipGroup();
            } else {
                c.next();
            }
        }
        if (action.equals("RENAME")) {
            for (int i = c.pos(); i < c.limit(); i++) {
                if (c.isWordAt(i, "TO")) {
                    c.seek(i + 1);
                    newName = c.identifier();
                    break;
                }
            }
        }
        Span span = c.span(Math.min(actionIndex, c.limit() - 1), c.limit());
        if (name == null && nameStart < c.limit()) {
            span = c.span(nameStart, c.limit());
        }
        return new ParsedStatement.AlterObject(objectType, name, action, newName, span);
    }

    /** {@code ALTER DOMAIN d ADD [CONSTRAINT c] CHECK (…) [NOT VALID]}, or {@code null} for other domain changes. */
    private ParsedStatement parseAlterDomainCheck(TokenCursor c) {
        int save = c.pos();
        QName domain = c.qname();
        int actionStart = c.pos();
        if (domain == null || !c.accept("ADD")) {
            c.seek(save);
            return null;
        }
        String name = c.accept("CONSTRAINT") ? c.identifier() : null;
        if (!c.accept("CHECK")) {
            c.seek(save);
            return null;
        }
        c.skipGroup();
        boolean notValid = c.acceptAll("NOT", "VALID");
        return new ParsedStatement.AlterDomainAddCheck(domain, name, notValid, c.span(actionStart, c.limit()));
    }

    /** Reads a possibly multi-word object type after ALTER/DROP/CREATE, or {@code null}. */
    private static String objectType(TokenCursor c) {
        String w = c.upperWord();
        if (w == null) {
            return null;
        }
        for (String[] m : MULTI_WORD_TYPES) {
            if (c.acceptAll(m)) {
                return String.join(" ", m);
            }
        }
        switch (w) {
            case "INDEX", "SEQUENCE", "VIEW", "TYPE", "FUNCTION", "PROCEDURE", "ROUTINE", "AGGREGATE", "SCHEMA",
                 "DATABASE", "ROLE", "USER", "GROUP", "EXTENSION", "TRIGGER", "POLICY", "RULE", "DOMAIN",
                 "PUBLICATION", "SUBSCRIPTION", "SERVER", "COLLATION", "CONVERSION", "OPERATOR", "LANGUAGE",
                 "STATISTICS", "TABLESPACE", "CAST", "TRANSFORM", "OWNED", "TABLE" -> {
                c.next();
                return w;
            }
            default -> {
                return null;
            }
        }
    }

    private ParsedStatement parseAlterTable(TokenCursor c, boolean foreign) {
        if (c.acceptAll("ALL", "IN", "TABLESPACE")) {
            return new ParsedStatement.Harmless("ALTER TABLE ALL IN TABLESPACE");
        }
        boolean ifExists = c.acceptAll("IF", "EXISTS");
        c.accept("ONLY");
        QName table = c.qname();
        if (table == null) {
            return unknown(c, "ALTER TABLE without a table name");
        }
        c.acceptKind(TokenKind.OPERATOR); // trailing '*'
        List<AlterAction> actions = new ArrayList<>();
        for (int[] part : c.splitTopLevel(c.pos(), c.limit())) {
            actions.add(parseAlterAction(c.sub(part[0], part[1]), c));
        }
        if (actions.isEmpty()) {
            return unknown(c, "ALTER TABLE with no action");
        }
        return new ParsedStatement.AlterTable(table, ifExists, foreign, actions);
    }

    private AlterAction parseAlterAction(TokenCursor a, TokenCursor whole) {
        int start = a.pos();
        Span span = a.span(start, a.limit());
        String w = a.upperWord();
        if (w == null) {
            return new AlterAction.Unknown(a.textOf(start, a.limit()), span);
        }
        switch (w) {
            case "ADD" -> {
                a.next();
                String next = a.upperWord();
                if (next != null && !a.isWord("COLUMN") && TABLE_CONSTRAINT_STARTS.contains(next)) {
                    return new AlterAction.AddConstraint(parseTableConstraint(a), span);
                }
                a.accept("COLUMN");
                boolean ifNotExists = a.acceptAll("IF", "NOT", "EXISTS");
                ColumnDef col = parseColumnDef(a);
                return col == null || col.unrecognized() != null
                        ? new AlterAction.Unknown(a.textOf(start, a.limit()), span)
                        : new AddColumn(col, ifNotExists, span);
            }
            case "DROP" -> {
                a.next();
                if (a.accept("CONSTRAINT")) {
                    boolean ifExists = a.acceptAll("IF", "EXISTS");
                    String name = a.identifier();
                    return new AlterAction.DropConstraint(name, ifExists, a.accept("CASCADE"), span);
                }
                a.accept("COLUMN");
                boolean ifExists = a.acceptAll("IF", "EXISTS");
                String col = a.identifier();
                boolean cascade = a.accept("CASCADE");
                return col == null ? new AlterAction.Unknown(a.textOf(start, a.limit()), span)
                        : new AlterAction.DropColumn(col, ifExists, cascade, span);
            }
            case "ALTER" -> {
                a.next();
                if (a.accept("CONSTRAINT")) {
                    return new AlterAction.Harmless("ALTER CONSTRAINT", span);
                }
                a.accept("COLUMN");
                String col = a.identifier();
                if (col == null) {
                    return new AlterAction.Unknown(a.textOf(start, a.limit()), span);
                }
                return parseAlterColumn(a, col, start, span);
            }
            case "RENAME" -> {
                a.next();
                if (a.accept("TO")) {
                    return new AlterAction.RenameTable(a.identifier(), span);
                }
                if (a.accept("CONSTRAINT")) {
                    String from = a.identifier();
                    a.accept("TO");
                    return new AlterAction.RenameConstraint(from, a.identifier(), span);
                }
                a.accept("COLUMN");
                String from = a.identifier();
                if (!a.accept("TO")) {
                    return new AlterAction.Unknown(a.textOf(start, a.limit()), span);
                }
                return new AlterAction.RenameColumn(from, a.identifier(), span);
            }
            case "VALIDATE" -> {
                a.next();
                a.accept("CONSTRAINT");
                return new AlterAction.ValidateConstraint(a.identifier(), span);
            }
            case "SET" -> {
                a.next();
                if (a.accept("SCHEMA")) {
                    return new AlterAction.SetSchema(a.identifier(), span);
                }
                if (a.isAnyWord("TABLESPACE", "LOGGED", "UNLOGGED")) {
                    return new AlterAction.Rewrite("SET " + a.upperWord(), span);
                }
                if (a.acceptAll("ACCESS", "METHOD")) {
                    return new AlterAction.Rewrite("SET ACCESS METHOD", span);
                }
                if (a.isWord("WITHOUT") || a.isKind(TokenKind.LPAREN)) {
                    return new AlterAction.Harmless("SET " + a.textOf(a.pos(), Math.min(a.pos() + 2, a.limit())),
                            span);
                }
                return new AlterAction.Unknown(a.textOf(start, a.limit()), span);
            }
            case "ATTACH" -> {
                a.next();
                a.accept("PARTITION");
                return new AlterAction.AttachPartition(a.qname(), span);
            }
            case "DETACH" -> {
                a.next();
                a.accept("PARTITION");
                QName p = a.qname();
                return new AlterAction.DetachPartition(p, a.accept("CONCURRENTLY"), span);
            }
            case "OWNER", "ENABLE", "DISABLE", "FORCE", "NO", "INHERIT", "CLUSTER", "REPLICA", "RESET", "OF", "NOT" ->
            {
                return new AlterAction.Harmless(w, span);
            }
            default -> {
                return new AlterAction.Unknown(a.textOf(start, a.limit()), span);
            }
        }
    }

    private AlterAction parseAlterColumn(TokenCursor a, String col, int start, Span span) {
        if (a.acceptAll("SET", "DATA", "TYPE") || a.accept("TYPE")) {
            TypeName type = parseType(a);
            String using = null;
            while (!a.atEnd()) {
                if (a.accept("USING")) {
                    // "USING col::type" (Django writes it always) is what PostgreSQL does anyway: no USING at all
                    using = isBareCast(a, col) ? null : a.textOf(a.pos(), a.limit());
                    break;
                }
                a.next();
            }
            return new AlterAction.AlterColumnType(col, type, using, span);
        }
        if (a.acceptAll("SET", "NOT", "NULL")) {
            return new AlterAction.SetNotNull(col, span);
        }
        if (a.acceptAll("DROP", "NOT", "NULL")) {
            return new AlterAction.DropNotNull(col, span);
        }
        if (a.acceptAll("SET", "DEFAULT")) {
            String expr = a.textOf(a.pos(), a.limit());
            return new AlterAction.SetDefault(col, expr, isVolatile(a, a.pos(), a.limit()), span);
        }
        if (a.acceptAll("DROP", "DEFAULT")) {
            return new AlterAction.DropDefault(col, span);
        }
        if (a.acceptAll("SET", "EXPRESSION")) {
            return new AlterAction.Rewrite("ALTER COLUMN " + col + " SET EXPRESSION", span); // PG17: recomputes every row
        }
        if (a.isWord("SET") && a.isAnyWordAt(a.pos() + 1, "STATISTICS", "STORAGE", "COMPRESSION", "GENERATED",
                "INCREMENT", "START", "MINVALUE", "MAXVALUE", "NO", "CACHE", "CYCLE", "OWNED")
                || a.isWord("SET") && a.pos() + 1 < a.limit() && a.token(a.pos() + 1).kind() == TokenKind.LPAREN
                || a.isWord("RESET") || a.isWord("RESTART")
                || a.isWord("DROP") && a.isAnyWordAt(a.pos() + 1, "IDENTITY", "EXPRESSION")
                || a.isWord("ADD") && a.isWord(1, "GENERATED")) {
            // metadata, or identity/sequence settings: no row is touched
            return new AlterAction.Harmless("ALTER COLUMN " + a.textOf(a.pos(), Math.min(a.pos() + 2, a.limit())),
                    span);
        }
        return new AlterAction.Unknown(a.textOf(start, a.limit()), span);
    }

    /** Whether the rest is {@code col::type} or {@code CAST(col AS type)} of the altered column itself. */
    private static boolean isBareCast(TokenCursor a, String col) {
        int p = a.pos();
        if (a.isWord("CAST") && p + 2 < a.limit() && a.token(p + 1).kind() == TokenKind.LPAREN) {
            TokenCursor inner = a.sub(p + 2, a.limit());
            String id = inner.identifier();
            return col.equals(id) && inner.isWord("AS") && a.groupEnd(p + 1) == a.limit();
        }
        TokenCursor x = a.sub(p, a.limit());
        String id = x.identifier();
        if (!col.equals(id) || !x.isKind(TokenKind.COLON)) {
            return false;
        }
        x.next();
        while (!x.atEnd()) { // the type: words, dots, a modifier group, array brackets
            TokenKind k = x.peek().kind();
            if (k == TokenKind.WORD || k == TokenKind.QUOTED_IDENT || k == TokenKind.DOT) {
                x.next();
            } else if (k == TokenKind.LPAREN || k == TokenKind.LBRACKET) {
                x.skipGroup();
            } else {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------ types, columns

    private TypeName parseType(TokenCursor a) {
        StringBuilder name = new StringBuilder();
        List<Integer> mods = List.of();
        boolean array = false;
        // qualified or multi-word type name
        while (!a.atEnd()) {
            Token t = a.peek();
            if (t.kind() == TokenKind.WORD || t.kind() == TokenKind.QUOTED_IDENT) {
                String upper = a.upperWord();
                if (upper != null && name.length() > 0 && !continuesTypeName(name.toString(), upper)) {
                    break;
                }
                if (name.length() > 0 && name.charAt(name.length() - 1) != '.') {
                    name.append(' ');
                }
                name.append(t.kind() == TokenKind.QUOTED_IDENT ? TokenCursor.unquote(a.text(t))
                        : a.text(t).toLowerCase(Locale.ROOT));
                a.next();
                if (a.isKind(TokenKind.DOT)) {
                    name.append('.');
                    a.next();
                }
            } else if (t.kind() == TokenKind.LPAREN && name.length() > 0 && mods.isEmpty()) {
                mods = a.integersInGroup();
            } else if (t.kind() == TokenKind.LBRACKET) {
                array = true;
                a.skipGroup();
            } else {
                break;
            }
        }
        if (a.accept("ARRAY")) {
            array = true;
            if (a.isKind(TokenKind.LBRACKET)) {
                a.skipGroup();
            }
        }
        String n = name.toString();
        // "timestamp(3) with time zone": modifiers come before the zone words
        if (a.isWord("WITH") && a.isWord(1, "TIME") || a.isWord("WITHOUT") && a.isWord(1, "TIME")) {
            n = n + " " + (a.isWord("WITH") ? "with" : "without") + " time zone";
            a.next();
            a.next();
            a.accept("ZONE");
        }
        return TypeName.of(n.isEmpty() ? "?" : n, mods, array);
    }

    /** Whether {@code upper} continues a multi-word type name such as {@code character varying}. */
    private static boolean continuesTypeName(String soFar, String upper) {
        String s = soFar.toLowerCase(Locale.ROOT);
        if (s.endsWith(".")) {
            return true;
        }
        return switch (upper) {
            case "VARYING" -> s.equals("character") || s.equals("char") || s.equals("bit")
                    || s.equals("national character");
            case "PRECISION" -> s.equals("double");
            case "WITH", "WITHOUT" -> false;
            case "TIME", "ZONE" -> s.endsWith("with") || s.endsWith("without") || s.endsWith("time");
            case "CHARACTER", "CHAR" -> s.equals("national");
            case "YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "TO" -> s.startsWith("interval");
            default -> false;
        };
    }

    private ColumnDef parseColumnDef(TokenCursor a) {
        int start = a.pos();
        String name = a.identifier();
        if (name == null) {
            return null;
        }
        TypeName type = parseType(a);
        boolean notNull = false;
        String defaultExpr = null;
        boolean volatileDefault = false;
        boolean generatedStored = false;
        boolean identity = false;
        List<ConstraintDef> inline = new ArrayList<>();
        String constraintName = null;
        String unrecognized = null;
        while (!a.atEnd()) {
            int cstart = a.pos();
            if (a.accept("CONSTRAINT")) {
                constraintName = a.identifier();
                continue;
            }
            if (a.acceptAll("NOT", "NULL")) {
                notNull = true;
            } else if (a.accept("NULL")) {
                notNull = false;
            } else if (a.accept("DEFAULT")) {
                int exprStart = a.pos();
                skipExpression(a);
                defaultExpr = a.textOf(exprStart, a.pos());
                volatileDefault = isVolatile(a, exprStart, a.pos());
            } else if (a.acceptAll("PRIMARY", "KEY")) {
                skipIndexParameters(a);
                inline.add(new ConstraintDef(constraintName, ConstraintDef.Kind.PRIMARY_KEY, List.of(name), false,
                        null, null, a.span(cstart, a.pos())));
            } else if (a.accept("UNIQUE")) {
                skipIndexParameters(a);
                inline.add(new ConstraintDef(constraintName, ConstraintDef.Kind.UNIQUE, List.of(name), false, null,
                        null, a.span(cstart, a.pos())));
            } else if (a.accept("REFERENCES")) {
                QName ref = a.qname();
                if (a.isKind(TokenKind.LPAREN)) {
                    a.skipGroup();
                }
                skipReferentialActions(a);
                inline.add(new ConstraintDef(constraintName, ConstraintDef.Kind.FOREIGN_KEY, List.of(name), false,
                        null, ref, a.span(cstart, a.pos())));
            } else if (a.accept("CHECK")) {
                a.skipGroup();
                a.acceptAll("NO", "INHERIT");
                inline.add(new ConstraintDef(constraintName, ConstraintDef.Kind.CHECK, List.of(name), false, null,
                        null, a.span(cstart, a.pos())));
            } else if (a.accept("GENERATED")) {
                if (a.acceptAll("ALWAYS", "AS", "IDENTITY") || a.acceptAll("BY", "DEFAULT", "AS", "IDENTITY")) {
                    identity = true;
                    if (a.isKind(TokenKind.LPAREN)) {
                        a.skipGroup();
                    }
                } else if (a.acceptAll("ALWAYS", "AS")) {
                    a.skipGroup();
                    generatedStored = a.accept("STORED") || !a.accept("VIRTUAL");
                } else {
                    a.next();
                }
            } else if (a.accept("COLLATE") || a.accept("COMPRESSION") || a.accept("STORAGE")) {
                a.next();
            } else if (a.accept("DEFERRABLE") || a.acceptAll("NOT", "DEFERRABLE")) {
                continue;
            } else if (a.accept("INITIALLY")) {
                a.next();
            } else if (a.isKind(TokenKind.LPAREN) || a.isKind(TokenKind.LBRACKET)) {
                a.skipGroup();
            } else {
                Token t = a.next();
                if (unrecognized == null) {
                    unrecognized = a.text(t);
                }
            }
            constraintName = null;
        }
        return new ColumnDef(name, type, notNull, defaultExpr, volatileDefault, generatedStored, identity,
                List.copyOf(inline), a.span(start, a.limit()), unrecognized);
    }

    /** Moves past an expression up to the next column-constraint keyword outside parentheses. */
    private static void skipExpression(TokenCursor a) {
        while (!a.atEnd()) {
            String w = a.upperWord();
            // "DEFAULT NULL" is the expression NULL itself, not a constraint
            boolean nullValue = "NULL".equals(w) && a.isWordAt(a.pos() - 1, "DEFAULT");
            if (w != null && COLUMN_CONSTRAINT_WORDS.contains(w) && !nullValue) {
                return;
            }
            if (a.isKind(TokenKind.LPAREN) || a.isKind(TokenKind.LBRACKET)) {
                a.skipGroup();
            } else {
                a.next();
            }
        }
    }

    private static void skipIndexParameters(TokenCursor a) {
        while (a.isAnyWord("NULLS", "INCLUDE", "WITH", "USING")) {
            if (a.accept("NULLS")) {
                a.accept("NOT");
                a.accept("DISTINCT");
            } else if (a.acceptAll("USING", "INDEX", "TABLESPACE")) {
                a.identifier();
            } else if (a.isWord("USING")) {
                return; // USING INDEX name: handled by the caller
            } else {
                a.next();
                if (a.isKind(TokenKind.LPAREN)) {
                    a.skipGroup();
                }
            }
        }
    }

    private static void skipReferentialActions(TokenCursor a) {
        while (!a.atEnd()) {
            if (a.accept("MATCH")) {
                a.next();
            } else if (a.accept("ON")) {
                a.next(); // DELETE | UPDATE
                if (a.accept("SET")) {
                    a.next(); // NULL | DEFAULT
                    if (a.isKind(TokenKind.LPAREN)) {
                        a.skipGroup();
                    }
                } else if (a.accept("NO")) {
                    a.accept("ACTION");
                } else {
                    a.next(); // CASCADE | RESTRICT
                }
            } else {
                return;
            }
        }
    }

    private static boolean isVolatile(TokenCursor a, int from, int to) {
        for (int i = from; i < to; i++) {
            Token t = a.token(i);
            if (t.kind() == TokenKind.WORD && i + 1 < to && a.token(i + 1).kind() == TokenKind.LPAREN) {
                String fn = a.text(t).toLowerCase(Locale.ROOT);
                if (VOLATILE_FUNCTIONS.contains(fn)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A table constraint, at CONSTRAINT/CHECK/UNIQUE/PRIMARY/EXCLUDE/FOREIGN. */
    private ConstraintDef parseTableConstraint(TokenCursor a) {
        int start = a.pos();
        String name = null;
        if (a.accept("CONSTRAINT")) {
            name = a.identifier();
        }
        ConstraintDef.Kind kind;
        List<String> columns = new ArrayList<>();
        String usingIndex = null;
        QName references = null;
        String notNullColumn = null;
        if (a.accept("CHECK")) {
            kind = ConstraintDef.Kind.CHECK;
            int open = a.pos();
            a.skipGroup();
            notNullColumn = isNotNullCheck(a.sub(open + 1, a.pos() - 1));
        } else if (a.accept("UNIQUE") || a.acceptAll("PRIMARY", "KEY")) {
            kind = a.isWordAt(a.pos() - 1, "UNIQUE") ? ConstraintDef.Kind.UNIQUE : ConstraintDef.Kind.PRIMARY_KEY;
            a.acceptAll("NULLS", "NOT", "DISTINCT");
            a.acceptAll("NULLS", "DISTINCT");
            if (a.acceptAll("USING", "INDEX")) {
                usingIndex = a.identifier();
            } else {
                columns = columnList(a);
            }
        } else if (a.accept("EXCLUDE")) {
            kind = ConstraintDef.Kind.EXCLUDE;
        } else if (a.acceptAll("FOREIGN", "KEY")) {
            kind = ConstraintDef.Kind.FOREIGN_KEY;
            columns = columnList(a);
            if (a.accept("REFERENCES")) {
                references = a.qname();
            }
        } else if (a.acceptAll("NOT", "NULL")) {
            kind = ConstraintDef.Kind.NOT_NULL;
            String col = a.identifier();
            if (col != null) {
                columns = List.of(col);
            }
        } else {
            kind = ConstraintDef.Kind.OTHER;
        }
        boolean notValid = false;
        int depth = 0;
        for (int i = a.pos(); i < a.limit(); i++) {
            TokenKind k = a.token(i).kind();
            if (k == TokenKind.LPAREN) {
                depth++;
            } else if (k == TokenKind.RPAREN) {
                depth--;
            } else if (depth == 0 && a.isWordAt(i, "NOT") && a.isWordAt(i + 1, "VALID")) {
                notValid = true;
            }
        }
        a.seek(a.limit());
        return new ConstraintDef(name, kind, columns, notValid, usingIndex, references, a.span(start, a.limit()),
                notNullColumn);
    }

    /** The column of a {@code (col IS NOT NULL)} check body, or {@code null}. */
    private static String isNotNullCheck(TokenCursor body) {
        while (body.isKind(TokenKind.LPAREN) && body.groupEnd(body.pos()) == body.limit()) {
            body = body.sub(body.pos() + 1, body.limit() - 1);
        }
        String col = body.identifier();
        return col != null && body.acceptAll("IS", "NOT", "NULL") && body.atEnd() ? col : null;
    }

    private static List<String> columnList(TokenCursor a) {
        List<String> cols = new ArrayList<>();
        if (!a.isKind(TokenKind.LPAREN)) {
            return cols;
        }
        int end = a.groupEnd(a.pos());
        a.next();
        while (a.pos() < end - 1) {
            String id = a.identifier();
            if (id != null) {
                cols.add(id);
            } else {
                a.next();
            }
        }
        a.seek(end);
        return cols;
    }

    // ----------------------------------------------------------------------------------------------- DROP

    private ParsedStatement parseDrop(TokenCursor c) {
        c.next(); // DROP
        if (c.isWord("DATABASE")) {
            c.next();
            c.acceptAll("IF", "EXISTS");
            QName db = c.qname();
            return new ParsedStatement.Drop("DATABASE", db == null ? List.of() : List.of(db), false, false, false,
                    c.span(0, c.limit()));
        }
        String objectType = objectType(c);
        if (objectType == null) {
            return unknown(c, "Redline does not know DROP " + (c.upperWord() == null ? "" : c.upperWord()));
        }
        if (objectType.equals("OWNED")) {
            c.accept("BY");
            return new ParsedStatement.Drop("OWNED", List.of(), false, c.textOf(0, c.limit()).toUpperCase(
                    Locale.ROOT).endsWith("CASCADE"), false, c.span(0, c.limit()));
        }
        boolean concurrently = false;
        // "DROP INDEX CONCURRENTLY name": CONCURRENTLY is the keyword only when a name follows it
        if (objectType.equals("INDEX") && c.isWord("CONCURRENTLY") && c.peek(1) != null
                && c.peek(1).kind() != TokenKind.COMMA) {
            c.next();
            concurrently = true;
        }
        boolean ifExists = c.acceptAll("IF", "EXISTS");
        List<QName> names = new ArrayList<>();
        boolean cascade = false;
        if ((objectType.equals("CAST") || objectType.equals("TRANSFORM")) && c.isKind(TokenKind.LPAREN)) {
            int end = c.groupEnd(c.pos());
            names.add(QName.unqualified(c.textOf(c.pos(), end))); // "(text AS order_status)"
            c.seek(end);
        }
        while (!c.atEnd()) {
            if (c.accept("CASCADE")) {
                cascade = true;
                continue;
            }
            if (c.accept("RESTRICT")) {
                continue;
            }
            if (c.accept("ON")) { // DROP TRIGGER t ON table, DROP POLICY p ON table, DROP RULE r ON table
                QName table = c.qname();
                if (table != null && !names.isEmpty()) {
                    QName last = names.remove(names.size() - 1);
                    names.add(new QName(table.qualified(), last.name()));
                }
                continue;
            }
            QName n = c.qname();
            if (n == null) {
                if (c.isKind(TokenKind.LPAREN)) {
                    c.skipGroup(); // function argument types
                } else {
                    c.next();
                }
                continue;
            }
            names.add(n);
            if (c.isKind(TokenKind.LPAREN)) {
                c.skipGroup();
            }
            c.acceptKind(TokenKind.COMMA);
        }
        if (names.isEmpty()) {
            return unknown(c, "DROP " + objectType + " without a name");
        }
        return new ParsedStatement.Drop(objectType, names, ifExists, cascade, concurrently, c.span(0, c.limit()));
    }

    // --------------------------------------------------------------------------------------------- CREATE

    private ParsedStatement parseCreate(TokenCursor c) {
        c.next(); // CREATE
        c.acceptAll("OR", "REPLACE");
        boolean temporary = false;
        boolean unique = false;
        while (c.isAnyWord("GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED", "UNIQUE", "TRUSTED", "RECURSIVE",
                "CONSTRAINT", "DEFAULT", "PROCEDURAL")) {
            String w = c.upperWord();
            if (w.equals("TEMP") || w.equals("TEMPORARY")) {
                temporary = true;
            }
            if (w.equals("UNIQUE")) {
                unique = true;
            }
            if (w.equals("CONSTRAINT") && c.isWord(1, "TRIGGER")) {
                break;
            }
            c.next();
        }
        if (c.accept("TABLE")) {
            return parseCreateTable(c, temporary);
        }
        if (c.accept("INDEX")) {
            return parseCreateIndex(c, unique);
        }
        if (c.accept("DATABASE")) {
            return new ParsedStatement.CreateDatabase(c.identifier());
        }
        if (c.isWord("TABLESPACE") || c.isWord("SUBSCRIPTION")) {
            return new ParsedStatement.NonTransactional("CREATE " + c.upperWord());
        }
        String objectType = objectType(c);
        if (objectType == null) {
            return unknown(c, "Redline does not know CREATE " + (c.upperWord() == null ? "" : c.upperWord()));
        }
        c.acceptAll("IF", "NOT", "EXISTS");
        return new ParsedStatement.CreateObject(objectType, c.isIdentifier() ? c.qname() : null);
    }

    private ParsedStatement parseCreateTable(TokenCursor c, boolean temporary) {
        boolean ifNotExists = c.acceptAll("IF", "NOT", "EXISTS");
        QName name = c.qname();
        if (name == null) {
            return unknown(c, "CREATE TABLE without a name");
        }
        List<ColumnDef> columns = new ArrayList<>();
        List<ConstraintDef> constraints = new ArrayList<>();
        QName partitionOf = null;
        boolean asQuery = false;
        if (c.acceptAll("PARTITION", "OF")) {
            partitionOf = c.qname();
        } else if (c.accept("OF")) {
            c.qname();
        }
        if (c.isKind(TokenKind.LPAREN)) {
            int end = c.groupEnd(c.pos());
            for (int[] part : c.splitTopLevel(c.pos() + 1, end - 1)) {
                TokenCursor e = c.sub(part[0], part[1]);
                String w = e.upperWord();
                if (w != null && TABLE_CONSTRAINT_STARTS.contains(w)) {
                    constraints.add(parseTableConstraint(e));
                } else if (w != null && w.equals("LIKE")) {
                    continue;
                } else {
                    ColumnDef col = parseColumnDef(e);
                    if (col != null) {
                        columns.add(col);
                    }
                }
            }
            c.seek(end);
        }
        for (ColumnDef col : columns) {
            if (col.unrecognized() != null) {
                return unknown(c, "column " + col.name() + " has «" + col.unrecognized()
                        + "», which is not PostgreSQL");
            }
        }
        String trailing = unknownTableOption(c);
        if (trailing != null) {
            return unknown(c, "«" + trailing + "» after the column list is not PostgreSQL");
        }
        for (int i = c.pos(); i < c.limit(); i++) {
            if (c.isWordAt(i, "AS") && (c.isWordAt(i + 1, "SELECT") || c.isWordAt(i + 1, "WITH")
                    || c.isWordAt(i + 1, "VALUES") || c.isWordAt(i + 1, "TABLE") || c.isWordAt(i + 1, "EXECUTE")
                    || (i + 1 < c.limit() && c.token(i + 1).kind() == TokenKind.LPAREN))) {
                asQuery = true;
                break;
            }
        }
        return new ParsedStatement.CreateTable(name, List.copyOf(columns), List.copyOf(constraints), asQuery,
                temporary, ifNotExists, partitionOf);
    }

    /** The first word after CREATE TABLE's column list that PostgreSQL does not accept there, or {@code null}. */
    private static String unknownTableOption(TokenCursor c) {
        TokenCursor t = c.sub(c.pos(), c.limit());
        while (!t.atEnd()) {
            if (t.accept("AS")) {
                return null; // the query follows
            }
            if (t.isKind(TokenKind.LPAREN)) {
                t.skipGroup();
                continue;
            }
            String w = t.upperWord();
            if (w == null) {
                Token bad = t.next();
                if (bad.kind() != TokenKind.OPERATOR && bad.kind() != TokenKind.COMMA && bad.kind() != TokenKind.DOT) {
                    return t.text(bad);
                }
                continue;
            }
            switch (w) {
                case "INHERITS", "PARTITION", "BY", "RANGE", "LIST", "HASH", "USING", "WITH", "WITHOUT", "OIDS", "ON",
                     "COMMIT", "DROP", "DELETE", "PRESERVE", "ROWS", "TABLESPACE", "FOR", "VALUES", "FROM", "TO", "IN",
                     "DEFAULT", "MODULUS", "REMAINDER", "MINVALUE", "MAXVALUE", "NO", "DATA", "SERVER", "OPTIONS" ->
                        t.next();
                default -> {
                    // names after USING/TABLESPACE/SERVER/INHERITS and bound values are identifiers or literals
                    if (t.isAnyWordAt(t.pos() - 1, "USING", "TABLESPACE", "SERVER", "BY")) {
                        t.next();
                    } else {
                        return t.text(t.peek());
                    }
                }
            }
        }
        return null;
    }

    private ParsedStatement parseCreateIndex(TokenCursor c, boolean unique) {
        boolean concurrently = false;
        if (c.accept("CONCURRENTLY")) { // also "CREATE INDEX CONCURRENTLY ON t": a keyword there, not a name
            concurrently = true;
        }
        boolean ifNotExists = c.acceptAll("IF", "NOT", "EXISTS");
        QName index = null;
        if (!c.isWord("ON")) {
            index = c.qname();
        }
        if (!c.accept("ON")) {
            return unknown(c, "CREATE INDEX without ON table");
        }
        boolean only = c.accept("ONLY");
        QName table = c.qname();
        if (table == null) {
            return unknown(c, "CREATE INDEX without a table");
        }
        if (index != null && index.schema() == null && table.schema() != null) {
            index = new QName(table.schema(), index.name()); // an index lives in its table's schema
        }
        return new ParsedStatement.CreateIndex(index, table, unique, concurrently, ifNotExists, only,
                c.span(0, c.limit()));
    }

    // ------------------------------------------------------------------------------------------ the rest

    private ParsedStatement parseTruncate(TokenCursor c) {
        c.next();
        c.accept("TABLE");
        List<QName> tables = new ArrayList<>();
        boolean cascade = false;
        while (!c.atEnd()) {
            if (c.accept("ONLY") || c.acceptAll("RESTART", "IDENTITY") || c.acceptAll("CONTINUE", "IDENTITY")
                    || c.accept("RESTRICT") || c.acceptKind(TokenKind.COMMA) || c.acceptKind(TokenKind.OPERATOR)) {
                continue;
            }
            if (c.accept("CASCADE")) {
                cascade = true;
                continue;
            }
            QName t = c.qname();
            if (t == null) {
                c.next();
            } else {
                tables.add(t);
            }
        }
        return tables.isEmpty() ? unknown(c, "TRUNCATE without a table") : new ParsedStatement.Truncate(tables, cascade);
    }

    /**
     * Finds every UPDATE and DELETE in the statement (top level and in WITH clauses) and whether each has a WHERE at
     * its own level. One pass; parentheses tracked with an explicit stack of the depth each change started at.
     */
    private ParsedStatement parseDml(TokenCursor c) {
        String head = c.upperWord();
        if (head != null && !head.equals("UPDATE") && !head.equals("DELETE") && !head.equals("WITH")) {
            // INSERT, SELECT, VALUES, MERGE: PostgreSQL allows data-modifying statements only in a top-level WITH,
            // so there is no UPDATE or DELETE to find in them.
            ParsedStatement setConfig = head.equals("SELECT") ? setConfig(c) : null;
            return setConfig != null ? setConfig : new ParsedStatement.Dml(head, List.of());
        }
        int n = c.limit();
        String verb = null;
        List<ParsedStatement.DataChange> changes = new ArrayList<>();
        List<OpenChange> open = new ArrayList<>();
        int depth = 0;
        Token prevSig = null;
        for (int i = 0; i < n; i++) {
            Token t = c.token(i);
            TokenKind k = t.kind();
            if (k == TokenKind.LPAREN) {
                depth++;
            } else if (k == TokenKind.RPAREN) {
                // close changes that started at this depth
                for (int j = open.size() - 1; j >= 0; j--) {
                    if (open.get(j).depth == depth) {
                        changes.add(open.remove(j).close(c, i));
                    }
                }
                depth--;
            } else if (k == TokenKind.WORD) {
                // A (sub)statement starts the statement, opens a parenthesis (a CTE body), or follows the closing
                // parenthesis of a WITH list at the top level: WITH x AS (…) UPDATE …
                boolean startsStatement = prevSig == null || prevSig.kind() == TokenKind.LPAREN
                        || prevSig.kind() == TokenKind.RPAREN && depth == 0 && c.isWordAt(0, "WITH");
                if (startsStatement && verb == null && depth == 0) {
                    verb = c.text(t).toUpperCase(Locale.ROOT);
                }
                if (startsStatement && (c.isWordAt(i, "UPDATE") || c.isWordAt(i, "DELETE"))) {
                    boolean isUpdate = c.isWordAt(i, "UPDATE");
                    TokenCursor tc = c.sub(i + 1, n);
                    if (!isUpdate) {
                        tc.accept("FROM");
                    }
                    tc.accept("ONLY");
                    open.add(new OpenChange(depth, i, isUpdate ? "UPDATE" : "DELETE", tc.qname()));
                } else if (c.isWordAt(i, "WHERE")) {
                    for (int j = open.size() - 1; j >= 0; j--) {
                        if (open.get(j).depth == depth) {
                            open.get(j).hasWhere = true;
                            break;
                        }
                    }
                }
            }
            prevSig = t;
        }
        for (int j = open.size() - 1; j >= 0; j--) {
            changes.add(open.remove(j).close(c, n));
        }
        changes.sort((x, y) -> Integer.compare(x.span().start(), y.span().start()));
        if (verb == null) {
            verb = "SELECT";
        }
        if (verb.equals("SELECT")) {
            ParsedStatement setConfig = setConfig(c);
            if (setConfig != null) {
                return setConfig;
            }
        }
        return new ParsedStatement.Dml(verb, List.copyOf(changes));
    }

    /** An UPDATE or DELETE whose end {@link #parseDml} has not reached yet. */
    private static final class OpenChange {
        final int depth;
        final int startIndex;
        final String verb;
        final QName table;
        boolean hasWhere;

        OpenChange(int depth, int startIndex, String verb, QName table) {
            this.depth = depth;
            this.startIndex = startIndex;
            this.verb = verb;
            this.table = table;
        }

        ParsedStatement.DataChange close(TokenCursor c, int endIndex) {
            return new ParsedStatement.DataChange(verb, table, hasWhere, depth > 0,
                    c.span(startIndex, Math.max(startIndex + 1, endIndex)));
        }
    }

    /** {@code SELECT set_config('lock_timeout', '5s', true)}. */
    private static ParsedStatement setConfig(TokenCursor c) {
        for (int i = 0; i + 2 < c.limit(); i++) {
            if (c.isWordAt(i, "SET_CONFIG") && c.token(i + 1).kind() == TokenKind.LPAREN
                    && c.token(i + 2).kind() == TokenKind.STRING) {
                String name = stripQuotes(c.text(c.token(i + 2)));
                String value = null;
                boolean local = false;
                if (i + 4 < c.limit() && c.token(i + 4).kind() == TokenKind.STRING) {
                    value = stripQuotes(c.text(c.token(i + 4)));
                }
                if (i + 6 < c.limit() && c.isWordAt(i + 6, "TRUE")) {
                    local = true;
                }
                return new ParsedStatement.SetParameter(name.toLowerCase(Locale.ROOT), value, local);
            }
        }
        return null;
    }

    static String stripQuotes(String s) {
        if (s.length() >= 2 && s.charAt(0) == '\'' && s.charAt(s.length() - 1) == '\'') {
            return s.substring(1, s.length() - 1).replace("''", "'");
        }
        return s;
    }

    private ParsedStatement parseVacuum(TokenCursor c) {
        c.next();
        boolean full = false;
        if (c.isKind(TokenKind.LPAREN)) {
            int end = c.groupEnd(c.pos());
            for (int i = c.pos(); i < end; i++) {
                if (c.isWordAt(i, "FULL") && !(c.isWordAt(i + 1, "FALSE") || c.isWordAt(i + 1, "OFF"))) {
                    full = true;
                }
            }
            c.seek(end);
        }
        while (c.isAnyWord("FULL", "FREEZE", "VERBOSE", "ANALYZE", "ANALYSE")) {
            if (c.isWord("FULL")) {
                full = true;
            }
            c.next();
        }
        List<QName> tables = new ArrayList<>();
        while (!c.atEnd()) {
            QName t = c.qname();
            if (t == null) {
                c.next();
                continue;
            }
            tables.add(t);
            if (c.isKind(TokenKind.LPAREN)) {
                c.skipGroup();
            }
        }
        return new ParsedStatement.Vacuum(full, tables);
    }

    private ParsedStatement parseCluster(TokenCursor c) {
        c.next();
        if (c.isKind(TokenKind.LPAREN)) {
            c.skipGroup();
        }
        c.accept("VERBOSE");
        return new ParsedStatement.Cluster(c.qname());
    }

    private ParsedStatement parseReindex(TokenCursor c) {
        c.next();
        boolean concurrently = false;
        if (c.isKind(TokenKind.LPAREN)) {
            int end = c.groupEnd(c.pos());
            for (int i = c.pos(); i < end; i++) {
                if (c.isWordAt(i, "CONCURRENTLY")) {
                    concurrently = true;
                }
            }
            c.seek(end);
        }
        String target = c.upperWord();
        if (target == null) {
            return unknown(c, "REINDEX without INDEX, TABLE, SCHEMA, DATABASE or SYSTEM");
        }
        c.next();
        if (c.accept("CONCURRENTLY")) {
            concurrently = true;
        }
        return new ParsedStatement.Reindex(target, c.qname(), concurrently);
    }

    private ParsedStatement parseLock(TokenCursor c) {
        c.next();
        c.accept("TABLE");
        List<QName> tables = new ArrayList<>();
        String mode = "ACCESS EXCLUSIVE";
        while (!c.atEnd()) {
            if (c.accept("IN")) {
                int from = c.pos();
                while (!c.atEnd() && !c.isWord("MODE")) {
                    c.next();
                }
                mode = c.textOf(from, c.pos()).toUpperCase(Locale.ROOT);
                c.accept("MODE");
                continue;
            }
            if (c.accept("ONLY") || c.accept("NOWAIT") || c.acceptKind(TokenKind.COMMA)
                    || c.acceptKind(TokenKind.OPERATOR)) {
                continue;
            }
            QName t = c.qname();
            if (t == null) {
                c.next();
            } else {
                tables.add(t);
            }
        }
        return new ParsedStatement.Lock(tables, mode);
    }

    private ParsedStatement parseDo(TokenCursor c) {
        c.next();
        String language = "plpgsql";
        int bodyStart = -1;
        int bodyEnd = -1;
        while (!c.atEnd()) {
            if (c.accept("LANGUAGE")) {
                String l = c.identifier();
                if (l == null && c.isKind(TokenKind.STRING)) {
                    l = stripQuotes(c.text(c.next()));
                }
                if (l != null) {
                    language = l.toLowerCase(Locale.ROOT);
                }
                continue;
            }
            Token t = c.next();
            if (t.kind() == TokenKind.DOLLAR_STRING) {
                String text = c.text(t);
                int tagLen = text.indexOf('$', 1) + 1;
                bodyStart = t.start() + tagLen;
                bodyEnd = t.end() - tagLen;
            } else if (t.kind() == TokenKind.STRING) {
                int open = c.text(t).indexOf('\'');
                bodyStart = t.start() + open + 1;
                bodyEnd = t.end() - 1;
            }
        }
        if (bodyStart < 0) {
            return unknown(c, "DO without a body");
        }
        return new ParsedStatement.DoBlock(language, bodyStart, bodyEnd);
    }

    private ParsedStatement parseSet(TokenCursor c) {
        c.next();
        boolean local = false;
        if (c.accept("LOCAL")) {
            local = true;
        } else {
            c.accept("SESSION");
        }
        if (c.isAnyWord("TRANSACTION", "CONSTRAINTS", "ROLE", "AUTHORIZATION", "CHARACTERISTICS")
                || c.acceptAll("TIME", "ZONE")) {
            return new ParsedStatement.Harmless("SET");
        }
        List<String> nameParts = c.dottedName();
        if (nameParts.isEmpty()) {
            return unknown(c, "SET without a parameter name");
        }
        String name = String.join(".", nameParts);
        if (!(c.accept("TO") || c.acceptKind(TokenKind.OPERATOR))) {
            if (c.acceptAll("FROM", "CURRENT")) {
                return new ParsedStatement.SetParameter(name, null, local);
            }
        }
        String value = c.textOf(c.pos(), c.limit());
        return new ParsedStatement.SetParameter(name, stripQuotes(value.trim()), local);
    }

    /** {@code EXPLAIN ANALYZE} runs the statement it explains, so it is judged as that statement. */
    private ParsedStatement parseExplain(List<Token> tokens, TokenCursor c) {
        c.next();
        boolean analyze = false;
        if (c.isKind(TokenKind.LPAREN)) {
            int end = c.groupEnd(c.pos());
            for (int i = c.pos(); i < end; i++) {
                if ((c.isWordAt(i, "ANALYZE") || c.isWordAt(i, "ANALYSE"))
                        && !c.isAnyWordAt(i + 1, "FALSE", "OFF", "0")) {
                    analyze = true;
                }
            }
            c.seek(end);
        }
        while (c.isAnyWord("ANALYZE", "ANALYSE", "VERBOSE")) {
            analyze |= !c.isWord("VERBOSE");
            c.next();
        }
        if (!analyze || c.atEnd()) {
            return new ParsedStatement.Harmless("EXPLAIN");
        }
        return parse(tokens.subList(c.pos(), tokens.size()));
    }

    private ParsedStatement parseRefresh(TokenCursor c) {
        c.next();
        if (!c.acceptAll("MATERIALIZED", "VIEW")) {
            return unknown(c, "Redline does not know this REFRESH statement");
        }
        boolean concurrently = c.accept("CONCURRENTLY");
        return new ParsedStatement.RefreshMaterializedView(c.qname(), concurrently);
    }
}

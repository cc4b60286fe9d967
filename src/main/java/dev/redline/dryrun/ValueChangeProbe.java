package dev.redline.dryrun;

import dev.redline.core.parse.AlterAction;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.parse.QName;
import dev.redline.core.sql.Lexer;
import dev.redline.core.sql.Token;
import dev.redline.core.sql.TokenKind;
import dev.redline.dryrun.DryRunReport.ValueChange;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * For {@code ALTER COLUMN … TYPE}: how many values will read differently afterwards, compared as text. Measured just
 * before the statement runs, by evaluating the very conversion it will apply ({@code USING} expression, or the
 * column itself, cast to the new type) over every row in one scan, so nothing is copied: a
 * {@code USING phone::varchar(20)} that silently cuts long values shows up as the number of values it cuts. When
 * the conversion itself fails (a value that does not fit without an explicit cast), the statement fails too and the
 * error is reported instead. Runs under its own savepoint, so a failing measurement changes nothing.
 */
final class ValueChangeProbe {

    /** One column's conversion: the column, the new type and the expression the values come from. */
    record Conversion(String column, String type, String expression) {
    }

    private ValueChangeProbe() {
    }

    /** The type conversions of an ALTER TABLE, read from the source text so types and expressions stay as written. */
    static List<Conversion> conversions(String source, ParsedStatement parsed) {
        List<Conversion> out = new ArrayList<>();
        if (!(parsed instanceof ParsedStatement.AlterTable at)) {
            return out;
        }
        for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.AlterColumnType t) {
                Conversion c = read(source, t);
                if (c != null) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static Conversion read(String source, AlterAction.AlterColumnType action) {
        List<Token> tokens = Lexer.significant(source, action.span().start(), action.span().end());
        int typeAt = -1;
        int usingAt = -1;
        int end = tokens.size();
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == TokenKind.LPAREN) {
                depth++;
            } else if (t.kind() == TokenKind.RPAREN) {
                depth--;
            } else if (depth == 0 && t.kind() == TokenKind.WORD) {
                String w = t.text(source).toUpperCase(Locale.ROOT);
                if (w.equals("TYPE") && typeAt < 0) {
                    typeAt = i;
                } else if (w.equals("USING") && typeAt >= 0 && usingAt < 0) {
                    usingAt = i;
                } else if (w.equals("COLLATE") && typeAt >= 0 && usingAt < 0) {
                    end = i;
                }
            } else if (depth == 0 && t.kind() == TokenKind.COMMA) {
                end = Math.min(end, i);
                break;
            }
        }
        if (typeAt < 0 || typeAt + 1 >= tokens.size()) {
            return null;
        }
        int typeEnd = usingAt >= 0 ? Math.min(usingAt, end) : end;
        if (typeEnd <= typeAt + 1) {
            return null;
        }
        String type = source.substring(tokens.get(typeAt + 1).start(), tokens.get(typeEnd - 1).end());
        String column = quote(action.column());
        String expression = column;
        if (usingAt >= 0 && usingAt + 1 < tokens.size()) {
            int last = tokens.size() - 1;
            expression = source.substring(tokens.get(usingAt + 1).start(), tokens.get(last).end());
        }
        return new Conversion(action.column(), type, expression);
    }

    /**
     * Counts, per conversion, the rows whose value as text differs from the converted value as text. Returns an
     * empty list when the measurement itself fails (the statement will say why).
     */
    static List<ValueChange> measure(Connection c, QName table, String tableName, List<Conversion> conversions,
                                     UnaryOperator<String> placeholders) throws SQLException {
        if (conversions.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < conversions.size(); i++) {
            Conversion cv = conversions.get(i);
            sql.append(i > 0 ? ", " : "").append("count(*) FILTER (WHERE (").append(quote(cv.column()))
                    .append(")::text IS DISTINCT FROM ((").append(cv.expression()).append(")::").append(cv.type())
                    .append(")::text)");
        }
        sql.append(" FROM ").append(sqlName(table));
        try (Statement s = c.createStatement()) {
            s.execute("SAVEPOINT redline_probe");
            try (ResultSet rs = s.executeQuery(placeholders.apply(sql.toString()))) {
                rs.next();
                List<ValueChange> out = new ArrayList<>();
                for (int i = 0; i < conversions.size(); i++) {
                    out.add(new ValueChange(tableName, conversions.get(i).column(), rs.getLong(i + 1)));
                }
                s.execute("RELEASE SAVEPOINT redline_probe");
                return out;
            } catch (SQLException e) {
                if (e.getSQLState() != null && (e.getSQLState().startsWith("08") || e.getSQLState().startsWith("57"))) {
                    throw e;
                }
                s.execute("ROLLBACK TO SAVEPOINT redline_probe");
                s.execute("RELEASE SAVEPOINT redline_probe");
                return List.of();
            }
        }
    }

    static String sqlName(QName q) {
        return q.schema() == null ? quote(q.name()) : quote(q.schema()) + "." + quote(q.name());
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

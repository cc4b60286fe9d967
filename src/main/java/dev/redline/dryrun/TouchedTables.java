package dev.redline.dryrun;

import dev.redline.core.analysis.PreparedMigration;
import dev.redline.core.parse.ParsedStatement;
import dev.redline.core.sql.SqlStatement;
import dev.redline.core.sql.Token;
import dev.redline.core.sql.TokenKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables a migration names, as SQL names for the server to resolve: those it alters, drops, truncates, locks,
 * indexes, updates, deletes from, inserts or copies into. {@link #complete()} is {@code false} when some statement
 * may touch tables it does not name (DO blocks, CALL, statements Redline cannot parse).
 */
record TouchedTables(List<String> names, boolean complete) {

    static TouchedTables of(PreparedMigration prepared) {
        Set<String> names = new LinkedHashSet<>();
        boolean complete = true;
        String text = prepared.script().readable() ? prepared.script().source().text() : "";
        for (int i = 0; i < prepared.parsed().size(); i++) {
            ParsedStatement p = prepared.parsed().get(i);
            if (p instanceof ParsedStatement.AlterTable at) {
                names.add(ValueChangeProbe.sqlName(at.table()));
            } else if (p instanceof ParsedStatement.Drop d && d.objectType().equals("TABLE")) {
                d.names().forEach(n -> names.add(ValueChangeProbe.sqlName(n)));
            } else if (p instanceof ParsedStatement.CreateTable ct && !ct.temporary()) {
                names.add(ValueChangeProbe.sqlName(ct.name()));
            } else if (p instanceof ParsedStatement.CreateIndex ci) {
                names.add(ValueChangeProbe.sqlName(ci.table()));
            } else if (p instanceof ParsedStatement.Truncate t) {
                t.tables().forEach(n -> names.add(ValueChangeProbe.sqlName(n)));
            } else if (p instanceof ParsedStatement.Lock l) {
                l.tables().forEach(n -> names.add(ValueChangeProbe.sqlName(n)));
            } else if (p instanceof ParsedStatement.Cluster cl && cl.table() != null) {
                names.add(ValueChangeProbe.sqlName(cl.table()));
            } else if (p instanceof ParsedStatement.Dml dml) {
                dml.changes().forEach(ch -> names.add(ValueChangeProbe.sqlName(ch.table())));
                if (dml.verb().equals("INSERT") || dml.verb().equals("MERGE") || dml.verb().equals("WITH")) {
                    String target = intoTarget(text, prepared.statements().get(i));
                    if (target != null) {
                        names.add(target);
                    } else if (!dml.verb().equals("WITH")) {
                        complete = false;
                    }
                }
            } else if (p instanceof ParsedStatement.Harmless h && h.verb().equals("COPY")) {
                String target = afterWord(text, prepared.statements().get(i), "COPY");
                if (target != null) {
                    names.add(target);
                }
            } else if (p instanceof ParsedStatement.DoBlock || p instanceof ParsedStatement.Call
                    || p instanceof ParsedStatement.Unknown) {
                complete = false;
            }
        }
        return new TouchedTables(new ArrayList<>(names), complete);
    }

    /**
     * Exact row counts of the named tables that exist now, and of every table when the migration may touch tables
     * it does not name: taken before a migration runs, to pair with the counts after it.
     */
    Map<String, Long> count(Connection c) throws SQLException {
        List<String> countable = new ArrayList<>(names);
        if (!complete) {
            countable.addAll(RowCounter.allTables(c));
        }
        return RowCounter.count(c, countable);
    }

    /** The table after {@code INSERT INTO} or {@code MERGE INTO}, as written. */
    private static String intoTarget(String text, SqlStatement st) {
        return afterWord(text, st, "INTO");
    }

    private static String afterWord(String text, SqlStatement st, String word) {
        List<Token> tokens = st.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == TokenKind.WORD && t.text(text).toUpperCase(Locale.ROOT).equals(word)) {
                StringBuilder name = new StringBuilder();
                int j = i + 1;
                while (j < tokens.size()) {
                    Token n = tokens.get(j);
                    if (n.kind() == TokenKind.WORD || n.kind() == TokenKind.QUOTED_IDENT) {
                        String part = n.text(text);
                        name.append(n.kind() == TokenKind.WORD ? ValueChangeProbe.quote(part.toLowerCase(Locale.ROOT))
                                : part);
                    } else {
                        break;
                    }
                    if (j + 1 < tokens.size() && tokens.get(j + 1).kind() == TokenKind.DOT) {
                        name.append('.');
                        j += 2;
                    } else {
                        break;
                    }
                }
                return name.length() == 0 ? null : name.toString();
            }
        }
        return null;
    }
}

package dev.redline.ui.bench;

import java.util.Locale;

/**
 * A realistic 5,000-line migration over tables an earlier migration created: column changes, indexes, backfills,
 * renames, functions with dollar-quoted bodies, comments. Most statements draw a finding, so the editor has
 * thousands of styled spans and gutter markers.
 */
final class BigMigration {

    static final int TABLES = 400;

    private BigMigration() {
    }

    /** The migration before it: the tables it changes. */
    static String create() {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < TABLES; t++) {
            sb.append(String.format(Locale.ROOT, "CREATE TABLE t_%d (id bigint PRIMARY KEY, account_id bigint NOT NULL, "
                    + "label varchar(200), score integer, created_at timestamptz NOT NULL DEFAULT now());%n", t));
        }
        return sb.toString();
    }

    static String text(int lines) {
        StringBuilder sb = new StringBuilder(lines * 48);
        int written = 0;
        int i = 0;
        while (written < lines) {
            int t = i % TABLES;
            String block = switch (i % 5) {
                case 0 -> String.format(Locale.ROOT, """
                        -- step %1$d: widen and index t_%2$d
                        ALTER TABLE t_%2$d ADD COLUMN note text DEFAULT 'none';
                        CREATE INDEX t_%2$d_account ON t_%2$d (account_id);
                        ALTER TABLE t_%2$d ALTER COLUMN score TYPE bigint;
                        """, i, t);
                case 1 -> String.format(Locale.ROOT, """
                        UPDATE t_%1$d
                           SET label = 'n/a'
                         WHERE label IS NULL;
                        ALTER TABLE t_%1$d DROP COLUMN created_at;
                        """, t);
                case 2 -> String.format(Locale.ROOT, """
                        CREATE OR REPLACE FUNCTION touch_%1$d() RETURNS trigger AS $body$
                        BEGIN
                            NEW.label := coalesce(NEW.label, 'n/a'); -- keep it filled
                            RETURN NEW;
                        END;
                        $body$ LANGUAGE plpgsql;
                        """, i);
                case 3 -> String.format(Locale.ROOT, """
                        /* rename for clarity */
                        ALTER TABLE t_%1$d RENAME COLUMN label TO title;
                        ALTER TABLE t_%1$d ADD CONSTRAINT t_%1$d_score CHECK (score >= 0);
                        """, t);
                default -> String.format(Locale.ROOT, """
                        INSERT INTO t_%1$d (id, account_id, title) VALUES (%2$d, 1, 'row %2$d');
                        COMMENT ON TABLE t_%1$d IS 'generated table number %1$d';

                        """, t, i);
            };
            sb.append(block);
            written += (int) block.chars().filter(c -> c == '\n').count();
            i++;
        }
        return sb.toString();
    }
}

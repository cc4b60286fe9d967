package dev.redline.dryrun;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The data the dry-run tests run against, built once per test JVM in a template database; each test gets its own
 * copy ({@code CREATE DATABASE … TEMPLATE}), so tests never see each other's leftovers.
 *
 * <p>Known facts the tests check against: 10,000 customers, of which 10 share an email with another (ids 9991–10000
 * repeat the emails of 1–10), 1,250 have a phone longer than 12 characters (every 8th), 10 have no name (every
 * 1,000th); 20,000 orders with a serial id; 100 rows in legacy_audit; a procedure that COMMITs.
 */
final class Seed {

    static final int CUSTOMERS = 10_000;
    static final int DUPLICATE_EMAILS = 10;
    static final int LONG_PHONES = 1_250;
    static final int NULL_NAMES = 10;
    static final int ORDERS = 20_000;
    static final int LEGACY_ROWS = 100;

    private static String template;

    private Seed() {
    }

    /** A fresh database holding the seed data; its name. */
    static synchronized String freshDatabase(String prefix) throws SQLException {
        if (template == null) {
            String name = TestServer.createDatabase("dryrun_seed");
            try (Connection c = TestServer.connect(name); Statement s = c.createStatement()) {
                s.execute("""
                        CREATE TABLE customers (
                            id bigint PRIMARY KEY,
                            email text NOT NULL,
                            phone text,
                            name text,
                            created_at timestamptz NOT NULL DEFAULT '2024-01-01 00:00:00+00'
                        );
                        INSERT INTO customers (id, email, phone, name)
                        SELECT g,
                               'user' || CASE WHEN g > 9990 THEN g - 9990 ELSE g END || '@example.com',
                               CASE WHEN g % 8 = 0 THEN '+1-555-0100-ext-' || g ELSE '555-' || lpad(g::text, 5, '0') END,
                               CASE WHEN g % 1000 = 0 THEN NULL ELSE 'Customer ' || g END
                        FROM generate_series(1, 10000) g;
                        CREATE TABLE orders (
                            id serial PRIMARY KEY,
                            customer_id bigint NOT NULL REFERENCES customers (id),
                            status int NOT NULL,
                            note text
                        );
                        INSERT INTO orders (customer_id, status, note)
                        SELECT 1 + (g % 10000), g % 5, NULL FROM generate_series(1, 20000) g;
                        CREATE INDEX orders_customer ON orders (customer_id);
                        CREATE TABLE legacy_audit (id int, payload text);
                        INSERT INTO legacy_audit SELECT g, 'payload ' || g FROM generate_series(1, 100) g;
                        CREATE PROCEDURE archive_and_commit() LANGUAGE plpgsql AS $$
                        BEGIN
                            INSERT INTO legacy_audit VALUES (-1, 'archived');
                            COMMIT;
                        END $$;
                        ANALYZE;
                        """);
            }
            template = name;
        }
        return TestServer.createDatabase(prefix, template);
    }
}

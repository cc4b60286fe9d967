package dev.redline.dryrun.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A source database for the clone tests, with one of almost everything the cloner copies: schemas, an extension,
 * enum, domain and composite types, identity, serial and generated columns, a collation, a partitioned table with
 * an index on the parent, a self-referencing foreign key and a two-level foreign key chain, check, unique and
 * exclusion constraints, a sequence with a value, a function, a trigger, a view, a materialized view with an index,
 * an unlogged table, a Flyway history table, and a role that a GRANT names.
 */
final class CloneSource {

    static final int CUSTOMERS = 3_000;
    static final int ORDERS = 9_000;
    static final int ITEMS = 18_000;

    private CloneSource() {
    }

    static void create(String jdbcUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("""
                    DO $$ BEGIN CREATE ROLE clone_reader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
                    CREATE EXTENSION IF NOT EXISTS btree_gist;
                    CREATE SCHEMA shop;
                    CREATE TYPE shop.status AS ENUM ('pending', 'paid', 'shipped');
                    CREATE DOMAIN shop.email AS text CHECK (VALUE LIKE '%@%');
                    CREATE TYPE shop.money_pair AS (amount numeric(10,2), currency char(3));
                    CREATE SEQUENCE shop.invoice_no START 1000 INCREMENT 7;
                    SELECT nextval('shop.invoice_no') FROM generate_series(1, 5);
                    CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $f$
                    BEGIN NEW.updated_at := now(); RETURN NEW; END $f$;
                    CREATE FUNCTION shop.double_it(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x * 2';
                    CREATE TABLE shop.customers (
                        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        email shop.email NOT NULL UNIQUE,
                        name text COLLATE "C",
                        referred_by bigint REFERENCES shop.customers (id),
                        score int NOT NULL DEFAULT 0 CHECK (score >= 0),
                        double_score int GENERATED ALWAYS AS (shop.double_it(score)) STORED,
                        updated_at timestamptz
                    );
                    CREATE TRIGGER customers_touch BEFORE UPDATE ON shop.customers
                        FOR EACH ROW EXECUTE FUNCTION shop.touch();
                    INSERT INTO shop.customers (email, name, referred_by, score)
                    SELECT 'c' || g || '@example.com', 'Customer ' || g,
                           CASE WHEN g > 10 THEN 1 + (g * 7) % 10 END, g % 50
                    FROM generate_series(1, 3000) g;
                    CREATE TABLE shop.orders (
                        id serial PRIMARY KEY,
                        customer_id bigint NOT NULL REFERENCES shop.customers (id),
                        status shop.status NOT NULL DEFAULT 'pending',
                        total shop.money_pair,
                        invoice bigint DEFAULT nextval('shop.invoice_no')
                    );
                    INSERT INTO shop.orders (customer_id, status, total)
                    SELECT 1 + (g * 13) % 3000, (ARRAY['pending','paid','shipped']::shop.status[])[1 + g % 3],
                           ROW(g * 1.5, 'EUR')::shop.money_pair
                    FROM generate_series(1, 9000) g;
                    CREATE INDEX orders_customer ON shop.orders (customer_id) WHERE status <> 'shipped';
                    CREATE TABLE shop.items (
                        order_id int NOT NULL REFERENCES shop.orders (id) ON DELETE CASCADE,
                        line int NOT NULL,
                        sku text NOT NULL,
                        PRIMARY KEY (order_id, line)
                    );
                    INSERT INTO shop.items SELECT 1 + (g - 1) / 2, 1 + g % 2, 'SKU-' || (g % 97)
                    FROM generate_series(1, 18000) g;
                    CREATE TABLE shop.events (
                        id bigint NOT NULL,
                        at timestamptz NOT NULL,
                        kind text NOT NULL
                    ) PARTITION BY RANGE (at);
                    CREATE TABLE shop.events_2024 PARTITION OF shop.events
                        FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                    CREATE TABLE shop.events_2025 PARTITION OF shop.events
                        FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                    CREATE INDEX events_at ON shop.events (at);
                    INSERT INTO shop.events SELECT g, timestamptz '2024-06-01 00:00+00' + g * interval '1 hour',
                           'k' || g % 5 FROM generate_series(1, 10000) g;
                    CREATE TABLE shop.rooms (
                        room int NOT NULL,
                        during tstzrange NOT NULL,
                        EXCLUDE USING gist (room WITH =, during WITH &&)
                    );
                    INSERT INTO shop.rooms VALUES (1, '[2024-01-01,2024-01-02)'), (1, '[2024-01-02,2024-01-03)');
                    CREATE UNLOGGED TABLE shop.cache (k text PRIMARY KEY, v text);
                    INSERT INTO shop.cache VALUES ('a', 'b');
                    CREATE VIEW shop.paid_orders AS SELECT id, customer_id FROM shop.orders WHERE status = 'paid';
                    CREATE MATERIALIZED VIEW shop.order_counts AS
                        SELECT customer_id, count(*) AS n FROM shop.orders GROUP BY customer_id;
                    CREATE UNIQUE INDEX order_counts_customer ON shop.order_counts (customer_id);
                    GRANT SELECT ON shop.paid_orders TO clone_reader;
                    CREATE TABLE public.flyway_schema_history (
                        installed_rank int PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL,
                        type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum int,
                        installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(),
                        execution_time int NOT NULL, success boolean NOT NULL);
                    INSERT INTO public.flyway_schema_history
                    SELECT g, g::text, 'm' || g, 'SQL', 'V' || g || '__m.sql', NULL, 'me', '2024-01-01', 1, true
                    FROM generate_series(1, 40) g;
                    ANALYZE;
                    """);
        }
    }
}

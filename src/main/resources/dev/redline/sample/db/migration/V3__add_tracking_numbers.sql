-- Tracking numbers for shipped orders, and a table for the notes support
-- writes on an order. A careful migration: a lock_timeout, so the ALTER
-- gives up instead of queueing every query behind it, and a nullable column
-- without a default, which PostgreSQL adds without touching a single row.

SET lock_timeout = '5s';

ALTER TABLE orders ADD COLUMN tracking_number text;

CREATE TABLE order_notes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    bigint      NOT NULL
                REFERENCES orders (id) ON DELETE CASCADE,
    body        text        NOT NULL,
    written_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX order_notes_order_id_idx ON order_notes (order_id);

CREATE TABLE customers (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    phone text
);

CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL,
    status integer
);

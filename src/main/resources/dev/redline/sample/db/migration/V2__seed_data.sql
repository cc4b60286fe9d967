-- Seed data, so a dry-run has real rows to change: 2,000 customers,
-- 40 products, 6,000 orders and their items. Deterministic (no random()):
-- every run of the sample sees the same rows.

INSERT INTO customers (email, full_name, phone, address, created_at)
SELECT 'customer' || n || '@example.com',
       (ARRAY['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald',
              'Frances', 'Ken'])[1 + n % 8]
           || ' '
           || (ARRAY['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov',
                     'Knuth', 'Allen', 'Thompson'])[1 + (n / 8) % 8],
       -- one customer in seven never gave a phone number
       CASE WHEN n % 7 = 0 THEN NULL
            ELSE '+44 20 7946 ' || lpad((n % 10000)::text, 4, '0')
       END,
       CASE
           -- one customer in twenty has a long address with delivery
           -- notes: 302 to 306 characters
           WHEN n % 20 = 0 THEN
               'Flat ' || (n % 90 + 1) || ', Floor ' || (n % 12 + 1)
               || ', The Old Mill Business Centre, Unit ' || n
               || ' Riverside Industrial Estate, ' || (n % 300 + 1)
               || ' Long Acre Road, Little Snoring, '
               || 'Fakenham, Norfolk NR21 0AA, United Kingdom. '
               || 'Delivery notes: side gate code 4512, leave parcels '
               || 'in the green storage box behind the bins, never with '
               || 'the neighbours at number ' || (n % 40 + 2) || ' please.'
           ELSE (n % 300 + 1) || ' High Street, '
               || (ARRAY['Leeds', 'York', 'Bath', 'Derby', 'Hull'])[1 + n % 5]
               || ' LS' || (n % 30 + 1) || ' ' || (n % 9 + 1) || 'AB'
       END,
       timestamptz '2023-01-01 09:00:00+00' + n * interval '4 hours'
FROM generate_series(1, 2000) AS n;

INSERT INTO products (sku, name, price)
SELECT 'SKU-' || lpad(n::text, 4, '0'),
       (ARRAY['Notebook', 'Pen', 'Stapler', 'Desk lamp',
              'Monitor arm'])[1 + n % 5] || ' model ' || n,
       (n * 3.75)::numeric(10,2)
FROM generate_series(1, 40) AS n;

INSERT INTO orders (customer_id, status, placed_at)
SELECT 1 + (n * 7) % 2000,
       (ARRAY['pending', 'paid', 'shipped', 'delivered', 'delivered',
              'delivered', 'cancelled'])[1 + n % 7],
       timestamptz '2023-06-01 10:00:00+00' + n * interval '90 minutes'
FROM generate_series(1, 6000) AS n;

INSERT INTO order_items (order_id, product_id, quantity, unit_price)
SELECT o.id, p.id, 1 + (o.id + p.id) % 4, p.price
FROM orders o
JOIN products p ON p.id IN (1 + o.id % 40, 1 + (o.id * 3 + 7) % 40);

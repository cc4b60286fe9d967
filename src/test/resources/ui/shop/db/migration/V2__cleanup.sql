-- cleanup
ALTER TABLE customers DROP COLUMN phone;
CREATE INDEX orders_status ON orders (status);
UPDATE orders
   SET status = 1;

SET lock_timeout = '5s';
ALTER TABLE customers ADD COLUMN email text;
COMMENT ON COLUMN customers.email IS 'where receipts go; $$ not a dollar quote here';

-- revision: 0001_sequences
-- revises: base
-- message: sequences with every option, OWNED BY, nextval defaults

-- +upgrade
CREATE SCHEMA app;
CREATE SEQUENCE order_numbers;
CREATE SEQUENCE IF NOT EXISTS app.invoice_seq AS integer INCREMENT BY 5 MINVALUE -100 MAXVALUE 1000000 START WITH -100 CACHE 20 CYCLE;
CREATE SEQUENCE countdown INCREMENT -1 NO MINVALUE MAXVALUE 10 START 10 NO CYCLE OWNED BY NONE;
CREATE TABLE orders (id BIGINT DEFAULT nextval('order_numbers'::regclass) PRIMARY KEY, n INTEGER);
CREATE SEQUENCE order_lines START 1000 NO MAXVALUE OWNED BY public.orders.n;
ALTER SEQUENCE order_numbers OWNED BY orders.id;
ALTER SEQUENCE IF EXISTS app.invoice_seq AS bigint RESTART WITH 7 MAXVALUE 5000000;
ALTER SEQUENCE countdown RESTART INCREMENT BY -2 MAXVALUE 100 CYCLE CACHE 1;
ALTER SEQUENCE countdown RENAME TO launch;
ALTER SEQUENCE IF EXISTS launch RENAME TO "Launch";
ALTER SEQUENCE IF EXISTS no_such_sequence RESTART;
INSERT INTO orders (n) VALUES (nextval('app.invoice_seq'));

-- +downgrade
DROP SEQUENCE "Launch";
DROP SEQUENCE IF EXISTS app.invoice_seq, order_lines CASCADE;
DROP TABLE orders;
DROP SEQUENCE IF EXISTS order_numbers;
DROP SCHEMA app;

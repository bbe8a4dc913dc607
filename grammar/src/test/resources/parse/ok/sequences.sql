-- revision: 0001_sequences
-- revises: base
-- message: sequences with every option

-- +upgrade
CREATE SEQUENCE order_numbers;
CREATE SEQUENCE IF NOT EXISTS app.invoice_seq AS integer INCREMENT BY 5 MINVALUE -100 MAXVALUE 9223372036854775807 START WITH -100 CACHE 20 CYCLE;
CREATE SEQUENCE countdown INCREMENT -1 NO MINVALUE NO MAXVALUE START 10 NO CYCLE OWNED BY NONE;
CREATE TABLE orders (id BIGINT DEFAULT nextval('order_numbers'::regclass) PRIMARY KEY, n INTEGER);
ALTER SEQUENCE order_numbers OWNED BY orders.id;
ALTER SEQUENCE IF EXISTS app.invoice_seq OWNED BY public.orders.n AS bigint RESTART WITH 7;
ALTER SEQUENCE countdown RESTART INCREMENT BY -2 MAXVALUE 100 NO CYCLE CACHE 1;
ALTER SEQUENCE countdown RENAME TO launch;
ALTER SEQUENCE IF EXISTS launch RENAME TO "Launch";

-- +downgrade
DROP SEQUENCE "Launch";
DROP SEQUENCE IF EXISTS app.invoice_seq, order_numbers CASCADE;
DROP TABLE orders;

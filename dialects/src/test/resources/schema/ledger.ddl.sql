-- The schema of SchemaScriptTest's ledger model, written by hand in the order a person would
-- (foreign keys inline, the view last): what the rendered snapshot must dump like.
CREATE SCHEMA audit;
CREATE EXTENSION IF NOT EXISTS citext;
CREATE TYPE request_status AS ENUM ('pending', 'approved', 'rejected');
CREATE SEQUENCE statement_no AS bigint INCREMENT BY 10 START WITH 1000 CACHE 5;
CREATE TABLE accounts (
  id BIGSERIAL PRIMARY KEY,
  code VARCHAR(32) NOT NULL UNIQUE,
  "Order" INTEGER,
  email citext,
  updated_at TIMESTAMPTZ
);
ALTER TABLE accounts ADD CONSTRAINT accounts_order_check CHECK ("Order" > 0) NOT VALID;
CREATE TABLE entries (
  id BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 100) PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  amount NUMERIC(18, 2) NOT NULL DEFAULT 0 CHECK (amount <> 0),
  amount_abs NUMERIC(18, 2) GENERATED ALWAYS AS (abs(amount)) STORED,
  status request_status NOT NULL DEFAULT 'pending',
  statement_no BIGINT DEFAULT nextval('statement_no'),
  memo TEXT COLLATE "C"
);
ALTER SEQUENCE statement_no OWNED BY entries.statement_no;
CREATE TABLE audit.events (id BIGINT PRIMARY KEY, at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE INDEX ix_entries_account ON entries (account_id, id DESC) WHERE amount > 0;
CREATE UNIQUE INDEX ix_accounts_lower_code ON accounts (lower(code));
CREATE VIEW account_totals AS SELECT account_id, sum(amount) AS total FROM entries GROUP BY account_id;
CREATE MATERIALIZED VIEW audit.daily AS SELECT date_trunc('day', at) AS day, count(*) AS n FROM audit.events GROUP BY 1;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
COMMENT ON TYPE request_status IS 'where a request is';
COMMENT ON SEQUENCE statement_no IS 'statement numbers';
COMMENT ON TABLE accounts IS 'ledger accounts';
COMMENT ON COLUMN accounts."Order" IS 'display order';
COMMENT ON INDEX ix_entries_account IS 'positive entries by account';
COMMENT ON VIEW account_totals IS 'totals';
COMMENT ON MATERIALIZED VIEW audit.daily IS 'events per day';

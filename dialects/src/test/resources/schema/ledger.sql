\set ON_ERROR_STOP on
-- strata schema 0001_ledger

BEGIN;

CREATE SCHEMA audit;

CREATE EXTENSION IF NOT EXISTS citext;

CREATE TYPE request_status AS ENUM ('pending', 'approved', 'rejected');

CREATE SEQUENCE statement_no AS bigint START WITH 1000 INCREMENT BY 10 CACHE 5;

CREATE TABLE entries (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    amount numeric(18, 2) NOT NULL DEFAULT 0,
    amount_abs numeric(18, 2) GENERATED ALWAYS AS (abs(amount)) STORED,
    status request_status NOT NULL DEFAULT 'pending',
    statement_no bigint DEFAULT nextval('statement_no'),
    memo text COLLATE "C",
    CONSTRAINT entries_pkey PRIMARY KEY (id),
    CONSTRAINT entries_amount_check CHECK (amount <> 0)
);

ALTER TABLE entries ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (START WITH 100);

CREATE TABLE accounts (
    id bigserial,
    code varchar(32) NOT NULL,
    "Order" int,
    email citext,
    updated_at timestamp with time zone,
    CONSTRAINT accounts_pkey PRIMARY KEY (id),
    CONSTRAINT accounts_code_key UNIQUE (code)
);

CREATE TABLE audit.events (
    id bigint,
    at timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT events_pkey PRIMARY KEY (id)
);

ALTER TABLE entries ADD CONSTRAINT entries_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;

ALTER TABLE accounts ADD CONSTRAINT accounts_order_check CHECK ("Order" > 0) NOT VALID;

CREATE INDEX ix_entries_account ON entries(account_id, id DESC) WHERE amount > 0;

CREATE UNIQUE INDEX ix_accounts_lower_code ON accounts((lower(code)));

ALTER SEQUENCE statement_no OWNED BY entries.statement_no;

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

COMMIT;

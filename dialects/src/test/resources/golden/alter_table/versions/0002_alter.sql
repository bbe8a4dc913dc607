-- revision: 0002_alter
-- revises: 0001_tables
-- message: every ALTER TABLE action

-- +upgrade
ALTER TABLE accounts
    ADD COLUMN owner_id BIGINT REFERENCES owners (id) ON UPDATE SET DEFAULT,
    ADD COLUMN IF NOT EXISTS note TEXT,
    ADD seq BIGINT GENERATED ALWAYS AS IDENTITY,
    ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    DROP COLUMN IF EXISTS status CASCADE,
    DROP IF EXISTS legacy,
    RENAME COLUMN name TO full_name,
    ALTER COLUMN email TYPE VARCHAR(200),
    ALTER balance SET DATA TYPE NUMERIC(12, 2) USING balance::numeric / 100,
    ALTER COLUMN full_name SET DEFAULT '',
    ALTER COLUMN full_name SET NOT NULL,
    ALTER COLUMN email DROP NOT NULL,
    ALTER COLUMN full_name DROP DEFAULT,
    ADD CONSTRAINT ck_balance CHECK (balance >= 0),
    ADD CONSTRAINT uq_email UNIQUE (email),
    ADD FOREIGN KEY (owner_id) REFERENCES owners,
    DROP CONSTRAINT uq_email,
    DROP CONSTRAINT IF EXISTS no_such_constraint CASCADE;

ALTER TABLE IF EXISTS accounts RENAME TO customer_accounts;

ALTER TABLE IF EXISTS no_such_table ADD COLUMN x BIGINT GENERATED ALWAYS AS IDENTITY;

-- +downgrade
ALTER TABLE customer_accounts RENAME TO accounts;

ALTER TABLE accounts
    DROP CONSTRAINT ck_balance,
    DROP COLUMN created_at,
    DROP COLUMN seq,
    DROP COLUMN note,
    DROP COLUMN owner_id RESTRICT,
    ALTER COLUMN balance TYPE INTEGER USING (balance * 100)::integer,
    ALTER COLUMN email TYPE VARCHAR(100),
    ALTER COLUMN email SET NOT NULL,
    ALTER COLUMN full_name DROP NOT NULL,
    RENAME full_name TO name,
    ADD COLUMN status TEXT;

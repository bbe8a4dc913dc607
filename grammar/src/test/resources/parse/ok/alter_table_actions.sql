-- revision: 0004_alter
-- revises: 0003_add_email

-- +upgrade
ALTER TABLE IF EXISTS users
    ADD COLUMN IF NOT EXISTS nickname TEXT,
    ADD age INTEGER CHECK (age >= 0),
    DROP COLUMN IF EXISTS legacy CASCADE,
    DROP obsolete,
    RENAME COLUMN fullname TO full_name,
    ALTER COLUMN amount SET DATA TYPE NUMERIC(14, 2) USING amount::numeric(14, 2),
    ALTER code TYPE VARCHAR(10),
    ALTER COLUMN status SET DEFAULT 'new',
    ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN email SET NOT NULL,
    ALTER nickname DROP NOT NULL,
    ADD CONSTRAINT uq_email UNIQUE (email),
    ADD CHECK (age < 200),
    DROP CONSTRAINT IF EXISTS ck_old CASCADE,
    DROP CONSTRAINT ck_older;
ALTER TABLE users RENAME TO members;
ALTER TABLE members ADD FOREIGN KEY (team_id) REFERENCES teams (id);

-- +downgrade
ALTER TABLE members RENAME TO users;

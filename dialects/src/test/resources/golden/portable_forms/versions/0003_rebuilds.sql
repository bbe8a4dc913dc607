-- revision: 0003_rebuilds
-- revises: 0002_renames
-- message: what SQLite makes by rebuilding the table

-- +upgrade
ALTER TABLE books
    ALTER COLUMN title DROP NOT NULL,
    ALTER COLUMN list_price SET NOT NULL,
    ALTER COLUMN list_price SET DEFAULT 1,
    ALTER COLUMN pages TYPE BIGINT USING pages * 2,
    ADD CONSTRAINT ck_books_price CHECK (list_price >= 0),
    ADD COLUMN added_on DATE NOT NULL DEFAULT CURRENT_DATE;
ALTER TABLE writers DROP CONSTRAINT uq_authors_name, DROP COLUMN profile;
ALTER TYPE mood RENAME VALUE 'calm' TO 'serene';

-- +downgrade
ALTER TYPE mood RENAME VALUE 'serene' TO 'calm';
ALTER TABLE writers ADD COLUMN profile JSONB, ADD CONSTRAINT uq_authors_name UNIQUE (name);
ALTER TABLE books
    DROP COLUMN added_on,
    DROP CONSTRAINT ck_books_price,
    ALTER COLUMN pages TYPE INTEGER USING pages / 2,
    ALTER COLUMN list_price DROP DEFAULT,
    ALTER COLUMN list_price DROP NOT NULL,
    ALTER COLUMN title SET NOT NULL;

-- revision: 0002_change_arrays
-- revises: 0001_arrays
-- message: array columns added and changed

-- +upgrade
ALTER TABLE tagged
    ADD COLUMN labels VARCHAR(20)[] DEFAULT ARRAY[]::VARCHAR(20)[],
    ALTER COLUMN scores TYPE BIGINT[] USING scores::BIGINT[],
    ALTER COLUMN prices TYPE NUMERIC(12, 3)[];

-- +downgrade
ALTER TABLE tagged
    ALTER COLUMN prices TYPE NUMERIC(10, 2)[],
    ALTER COLUMN scores TYPE INTEGER[] USING scores::INTEGER[],
    DROP COLUMN labels;

-- revision: 0002_change_collations
-- revises: 0001_collations
-- message: collations in ADD COLUMN and ALTER COLUMN ... TYPE

-- +upgrade
ALTER TABLE words ALTER COLUMN title TYPE TEXT COLLATE "C", ADD COLUMN note TEXT COLLATE "POSIX" DEFAULT '';
ALTER TABLE words ALTER COLUMN word SET DATA TYPE VARCHAR(100) COLLATE "und-x-icu" USING word::VARCHAR(100);

-- +downgrade
ALTER TABLE words ALTER COLUMN word TYPE TEXT COLLATE "C" USING word::TEXT;
ALTER TABLE words DROP COLUMN note, ALTER COLUMN title TYPE VARCHAR(200) COLLATE "und-x-icu";

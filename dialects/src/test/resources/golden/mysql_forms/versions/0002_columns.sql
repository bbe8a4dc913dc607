-- revision: 0002_columns
-- revises: 0001_tables
-- message: whole columns restated, renames, an enum value, comments

-- +upgrade
COMMENT ON COLUMN child.name IS 'the child''s name';
ALTER TABLE child ALTER COLUMN name TYPE VARCHAR(80), ALTER COLUMN name SET NOT NULL;
ALTER TABLE child ALTER COLUMN amount TYPE NUMERIC(20,4) USING amount::NUMERIC(20,4);
ALTER TABLE child RENAME COLUMN a TO aa;
ALTER INDEX child_name_idx RENAME TO ix_child_name;
ALTER TYPE mood ADD VALUE 'happy' AFTER 'ok';
COMMENT ON TABLE parent IS 'parents';
ALTER TABLE parent ALTER COLUMN created_at DROP DEFAULT;

-- +downgrade
ALTER TABLE parent ALTER COLUMN created_at SET DEFAULT now();
COMMENT ON TABLE parent IS NULL;
ALTER INDEX ix_child_name RENAME TO child_name_idx;
ALTER TABLE child RENAME COLUMN aa TO a;
ALTER TABLE child ALTER COLUMN amount TYPE NUMERIC(18,2);
ALTER TABLE child ALTER COLUMN name DROP NOT NULL, ALTER COLUMN name TYPE VARCHAR(40);
COMMENT ON COLUMN child.name IS NULL;

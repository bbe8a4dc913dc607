-- revision: 0001_tagged
-- revises: base
-- message: tagged rows with array columns

-- +upgrade
CREATE TABLE tagged (id INTEGER PRIMARY KEY);

ALTER TABLE tagged ADD COLUMN tags TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[], ADD COLUMN scores INTEGER[];

-- +downgrade
DROP TABLE tagged;

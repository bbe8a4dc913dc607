-- revision: 0002_upkeep
-- revises: 0001_base

-- +upgrade
ALTER TABLE books ADD CONSTRAINT books_pkey PRIMARY KEY (id) NOT VALID;

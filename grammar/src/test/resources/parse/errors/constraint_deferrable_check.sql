-- revision: 0002_upkeep
-- revises: 0001_base

-- +upgrade
ALTER TABLE books ADD CONSTRAINT books_positive CHECK (price > 0) DEFERRABLE;

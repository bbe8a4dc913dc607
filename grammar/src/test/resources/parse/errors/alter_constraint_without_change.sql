-- revision: 0002_upkeep
-- revises: 0001_base

-- +upgrade
ALTER TABLE books ALTER CONSTRAINT books_author_fkey;

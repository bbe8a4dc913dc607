-- revision: 0002_upkeep
-- revises: 0001_base

-- +upgrade
ALTER TABLE books ADD CONSTRAINT books_fk FOREIGN KEY (a) REFERENCES authors (id) MATCH PARTIAL;

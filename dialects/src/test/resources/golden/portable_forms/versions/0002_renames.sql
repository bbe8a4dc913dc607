-- revision: 0002_renames
-- revises: 0001_library
-- message: what SQLite renames, adds and drops in place, or recreates

-- +upgrade
ALTER TABLE books ADD COLUMN isbn VARCHAR(20);
ALTER TABLE books RENAME COLUMN price TO list_price;
ALTER TABLE authors RENAME TO writers;
ALTER INDEX ux_books_title RENAME TO ux_books_lower_title;
ALTER VIEW book_titles RENAME TO titles;
ALTER VIEW titles RENAME COLUMN author TO writer;
ALTER TABLE books DROP COLUMN isbn;
CREATE TABLE titles_copy AS SELECT * FROM titles WITH NO DATA;
DROP TABLE titles_copy CASCADE;
TRUNCATE books RESTART IDENTITY CASCADE;
INSERT INTO books (author_id, title, pages) VALUES (1, 'three', 30);
ALTER TYPE mood ADD VALUE 'calm' BEFORE 'sad';

-- +downgrade
DELETE FROM books;
ALTER VIEW titles RENAME COLUMN writer TO author;
ALTER VIEW titles RENAME TO book_titles;
ALTER INDEX ux_books_lower_title RENAME TO ux_books_title;
ALTER TABLE writers RENAME TO authors;
ALTER TABLE books RENAME COLUMN list_price TO price;

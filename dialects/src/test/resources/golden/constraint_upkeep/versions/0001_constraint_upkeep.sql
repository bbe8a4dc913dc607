-- revision: 0001_constraint_upkeep
-- revises: base
-- message: deferrable keys, MATCH, NOT VALID, USING INDEX, EXCLUDE, SET SCHEMA and constraint upkeep

-- +upgrade
CREATE TABLE authors (
    id BIGINT NOT NULL,
    email VARCHAR(200) NOT NULL,
    CONSTRAINT authors_pkey PRIMARY KEY (id)
);
CREATE TABLE books (
    id BIGINT PRIMARY KEY NOT DEFERRABLE,
    author_id BIGINT REFERENCES authors (id) MATCH FULL ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE,
    editor_id BIGINT,
    isbn TEXT UNIQUE DEFERRABLE,
    price NUMERIC(10, 2),
    CONSTRAINT books_editor_fkey FOREIGN KEY (editor_id) REFERENCES authors (id) MATCH SIMPLE ON UPDATE CASCADE ON DELETE SET NULL NOT VALID,
    CHECK (price >= 0) NOT VALID
);
CREATE TABLE shelf_slots (
    shelf INTEGER NOT NULL,
    slot INTEGER NOT NULL,
    book_id BIGINT REFERENCES books (id) INITIALLY DEFERRED,
    CONSTRAINT shelf_slots_pkey PRIMARY KEY (shelf, slot) DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX authors_email_idx ON authors (email);
ALTER TABLE authors ADD CONSTRAINT authors_email_key UNIQUE USING INDEX authors_email_idx;
ALTER TABLE books ADD CONSTRAINT books_price_positive CHECK (price > 0) NOT VALID;
ALTER TABLE books VALIDATE CONSTRAINT books_price_positive;
ALTER TABLE books ADD CONSTRAINT books_author_fk2 FOREIGN KEY (author_id) REFERENCES authors (id) NOT VALID;
ALTER TABLE books ALTER CONSTRAINT books_author_fk2 DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE books RENAME CONSTRAINT books_author_fk2 TO books_author_again_fkey;
ALTER TABLE books ADD CONSTRAINT books_isbn_price_key UNIQUE NULLS NOT DISTINCT (isbn, price);
ALTER TABLE shelf_slots ADD COLUMN label TEXT CONSTRAINT shelf_slots_label_key UNIQUE DEFERRABLE INITIALLY DEFERRED;
CREATE TABLE bookings (
    room INTEGER NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    cancelled BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist ((tsrange(starts_at, ends_at)) WITH &&) WHERE (NOT cancelled) DEFERRABLE
);
ALTER TABLE bookings ADD EXCLUDE USING btree (room WITH =, starts_at WITH =) WITH (fillfactor = 90);
CREATE SCHEMA archive;
ALTER TABLE bookings SET SCHEMA archive;

-- +downgrade
ALTER TABLE archive.bookings SET SCHEMA public;
DROP SCHEMA archive;
DROP TABLE bookings;
ALTER TABLE shelf_slots DROP COLUMN label;
ALTER TABLE books DROP CONSTRAINT books_isbn_price_key;
ALTER TABLE books RENAME CONSTRAINT books_author_again_fkey TO books_author_fk2;
ALTER TABLE books ALTER CONSTRAINT books_author_fk2 NOT DEFERRABLE;
ALTER TABLE books DROP CONSTRAINT books_author_fk2;
ALTER TABLE books DROP CONSTRAINT books_price_positive;
ALTER TABLE authors DROP CONSTRAINT authors_email_key;
DROP TABLE shelf_slots, books, authors;

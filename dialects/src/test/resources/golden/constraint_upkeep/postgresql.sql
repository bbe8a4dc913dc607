\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0001_constraint_upkeep (postgresql)
-- from: base
-- to: 0001_constraint_upkeep
-- version table: alembic_version
-- sources: sha256:b7504d6ee04c07524c0786d49e5d25fedc2cba9c8fb97475a7987ce3b7a74932 over 1 revision file

DO $strata$
DECLARE
    holder text;
BEGIN
    IF NOT pg_try_advisory_lock(4896247922164608825) THEN
        SELECT string_agg(pid::text, ', ' ORDER BY pid) INTO holder FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND objsubid = 1
                AND classid::bigint = 1139996555 AND objid::bigint = 886943545
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database());
        RAISE EXCEPTION 'strata: another strata script is running on this database: the advisory lock 4896247922164608825 of alembic_version is held by the session with pid %',
            coalesce(holder, 'unknown')
            USING HINT = 'wait until that script has finished, then run this one again';
    END IF;
END
$strata$;

DO $strata$
DECLARE
    expected text[] := '{}'::text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [base]',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
    END IF;
END
$strata$;

BEGIN;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_constraint_upkeep, deferrable keys, MATCH, NOT VALID, USING INDEX, EXCLUDE, SET SCHEMA and constraint upkeep

CREATE TABLE authors (
    id bigint NOT NULL,
    email varchar(200) NOT NULL,
    CONSTRAINT authors_pkey PRIMARY KEY (id)
);

CREATE TABLE books (
    id bigint,
    author_id bigint,
    editor_id bigint,
    isbn text,
    price numeric(10, 2),
    PRIMARY KEY (id) NOT DEFERRABLE,
    FOREIGN KEY (author_id) REFERENCES authors (id) MATCH FULL ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE,
    UNIQUE (isbn) DEFERRABLE,
    CONSTRAINT books_editor_fkey FOREIGN KEY (editor_id) REFERENCES authors (id) MATCH SIMPLE ON DELETE SET NULL ON UPDATE CASCADE NOT VALID,
    CHECK (price >= 0) NOT VALID
);

CREATE TABLE shelf_slots (
    shelf int NOT NULL,
    slot int NOT NULL,
    book_id bigint,
    FOREIGN KEY (book_id) REFERENCES books (id) INITIALLY DEFERRED,
    CONSTRAINT shelf_slots_pkey PRIMARY KEY (shelf, slot) DEFERRABLE INITIALLY DEFERRED
);

CREATE UNIQUE INDEX authors_email_idx ON authors(email);

ALTER TABLE authors ADD CONSTRAINT authors_email_key UNIQUE USING INDEX authors_email_idx;

ALTER TABLE books ADD CONSTRAINT books_price_positive CHECK (price > 0) NOT VALID;

ALTER TABLE books VALIDATE CONSTRAINT books_price_positive;

ALTER TABLE books ADD CONSTRAINT books_author_fk2 FOREIGN KEY (author_id) REFERENCES authors (id) NOT VALID;

ALTER TABLE books ALTER CONSTRAINT books_author_fk2 DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE books RENAME CONSTRAINT books_author_fk2 TO books_author_again_fkey;

ALTER TABLE books ADD CONSTRAINT books_isbn_price_key UNIQUE NULLS NOT DISTINCT (isbn, price);

ALTER TABLE shelf_slots ADD label text, ADD CONSTRAINT shelf_slots_label_key UNIQUE (label) DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE bookings (
    room int NOT NULL,
    starts_at timestamp NOT NULL,
    ends_at timestamp NOT NULL,
    cancelled boolean NOT NULL DEFAULT false,
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist ((tsrange(starts_at, ends_at)) WITH &&) WHERE (NOT cancelled) DEFERRABLE
);

ALTER TABLE bookings ADD EXCLUDE USING btree (room WITH =, starts_at WITH =) WITH (fillfactor = 90);

CREATE SCHEMA archive;

ALTER TABLE bookings SET SCHEMA archive;

INSERT INTO alembic_version (version_num) VALUES ('0001_constraint_upkeep');

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;

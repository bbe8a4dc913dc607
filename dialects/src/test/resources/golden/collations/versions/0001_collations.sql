-- revision: 0001_collations
-- revises: base
-- message: collations on columns

-- +upgrade
CREATE TABLE words (
    id INTEGER PRIMARY KEY,
    word TEXT COLLATE "C" NOT NULL,
    title VARCHAR(200) COLLATE "und-x-icu",
    tags TEXT[] COLLATE "C",
    plain TEXT COLLATE pg_catalog."default",
    sort_key TEXT COLLATE "C" GENERATED ALWAYS AS (lower(plain)) STORED
);
INSERT INTO words (id, word) VALUES (1, 'b'), (2, 'A');

-- +downgrade
DROP TABLE words;

-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
CREATE TEXT SEARCH CONFIGURATION public.english_unaccent (COPY = pg_catalog.english);

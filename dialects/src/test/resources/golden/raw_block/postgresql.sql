\set ON_ERROR_STOP on
-- strata test: upgrade base -> 0001_things (postgresql)
-- from: base
-- to: 0001_things
-- version table: alembic_version
-- sources: sha256:2b910df372c74aca19e1e23ceb935b0f4b01c7a6c128129918a3929aa261d24a over 1 revision file

BEGIN;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_things, things

CREATE TABLE things (
    id int,
    updated_at timestamp with time zone
);

CREATE FUNCTION touch() RETURNS trigger AS $$
BEGIN
  NEW.updated_at := now(); -- a ; inside
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER things_touch BEFORE UPDATE ON things
  FOR EACH ROW EXECUTE FUNCTION touch();

COMMIT;

-- skipped: dialect block for mysql

-- skipped: dialect block for sqlite

VACUUM ANALYZE things;

BEGIN;

INSERT INTO alembic_version (version_num) VALUES ('0001_things');

COMMIT;

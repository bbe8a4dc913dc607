\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0003_last (postgresql)
-- from: base
-- to: 0003_last
-- version table: alembic_version
-- sources: sha256:624c4eea8237e18e511b47d2f4fdf89aa745b2c1d8391902a8af9d4859b0eae7 over 3 revision files

BEGIN;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_t, t

CREATE TABLE t (
    id int,
    v text
);

INSERT INTO alembic_version (version_num) VALUES ('0001_t');

COMMIT;

-- Running upgrade 0001_t -> 0002_mid, starts outside a transaction

CREATE INDEX CONCURRENTLY ix_t_id ON t (id);

UPDATE t SET v = 'x';

BEGIN;

ALTER TABLE t ADD w text;

COMMIT;

VACUUM t;

BEGIN;

UPDATE alembic_version SET version_num = '0002_mid' WHERE alembic_version.version_num = '0001_t';

-- Running upgrade 0002_mid -> 0003_last, ends outside a transaction

ALTER TABLE t ADD z text;

COMMIT;

CREATE INDEX CONCURRENTLY ix_t_w ON t (w);

CREATE INDEX CONCURRENTLY ix_t_z ON t (z);

BEGIN;

UPDATE alembic_version SET version_num = '0003_last' WHERE alembic_version.version_num = '0002_mid';

COMMIT;

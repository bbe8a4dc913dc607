\set ON_ERROR_STOP on
\encoding UTF8
-- strata 0.1.0: stamp any -> 0016_lrs_credited_signal (postgresql)
-- from: any
-- to: 0016_lrs_credited_signal
-- version table: alembic_version
-- stamp: deletes every row of the version table, then writes the target; runs no revision

BEGIN;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

DELETE FROM alembic_version;

-- Running stamp_revision  -> 0016_lrs_credited_signal

INSERT INTO alembic_version (version_num) VALUES ('0016_lrs_credited_signal');

COMMIT;

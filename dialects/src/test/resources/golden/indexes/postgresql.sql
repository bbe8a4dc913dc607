\set ON_ERROR_STOP on
-- strata test: upgrade base -> 0002_indexes (postgresql)
-- from: base
-- to: 0002_indexes
-- version table: alembic_version
-- sources: sha256:fa93ce3eeda49cf145ccb2508cef3d1ac4dc0bbb3084c4b6ecee3aa3462877d6 over 2 revision files

BEGIN;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_users, users

CREATE TABLE users (
    id bigint,
    email text NOT NULL,
    tenant int,
    data jsonb,
    deleted_at timestamp with time zone,
    PRIMARY KEY (id)
);

INSERT INTO alembic_version (version_num) VALUES ('0001_users');

-- Running upgrade 0001_users -> 0002_indexes, index users

CREATE INDEX ix_users_email ON users(email);

CREATE UNIQUE INDEX IF NOT EXISTS uq_users_tenant_email ON users(tenant, (lower(email)) DESC) INCLUDE (id) WHERE deleted_at IS NULL;

CREATE INDEX ON users(tenant ASC);

CREATE INDEX ix_users_data ON users USING gin (data);

CREATE INDEX ix_users_k ON users((data ->> 'k')) WHERE data ? 'k';

COMMIT;

CREATE INDEX CONCURRENTLY ix_users_deleted ON users (deleted_at DESC);

CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_users_id ON users USING btree (id) INCLUDE (email) WHERE id > 0;

BEGIN;

UPDATE alembic_version SET version_num = '0002_indexes' WHERE alembic_version.version_num = '0001_users';

COMMIT;

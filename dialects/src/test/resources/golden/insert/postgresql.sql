\set ON_ERROR_STOP on
-- strata 0.1.0: upgrade base -> 0001_currencies (postgresql)
-- from: base
-- to: 0001_currencies
-- version table: alembic_version
-- sources: sha256:2342667fa7da332195a76e4c31d07e69a3ce000c5a0ab3270fc6d20938fee94f over 1 revision file

BEGIN;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_currencies, currencies

CREATE TABLE currencies (
    code char(3),
    name text NOT NULL,
    meta jsonb DEFAULT '{}'::jsonb,
    PRIMARY KEY (code)
);

INSERT INTO currencies (code, name) VALUES ('EUR', 'Euro'), ('USD', 'US dollar?');

INSERT INTO currencies VALUES ('JPY', 'Yen', '{"minor": 0}'::jsonb);

INSERT INTO currencies (code, name, meta) SELECT 'XTS', 'test {0} ?', '{}'::jsonb WHERE '{"a": 1}'::jsonb ? 'a' ON CONFLICT DO NOTHING;

INSERT INTO currencies (code, name) VALUES ('EUR', 'again') ON CONFLICT DO NOTHING;

INSERT INTO currencies SELECT 'GBP', 'Pound', NULL;

INSERT INTO alembic_version (version_num) VALUES ('0001_currencies');

COMMIT;

.bail on
.headers off
.mode list
PRAGMA foreign_keys = ON;
-- strata test: upgrade base -> 0002_index (sqlite)
-- from: base
-- to: 0002_index
-- version table: alembic_version
-- sources: sha256:26d0983dc24e6b9eac70e97bf7b56be8dce2186ae0c25f328177fa2359567f08 over 2 revision files

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS temp.strata_check_1dd854a11dcf (
    value clob,
    CONSTRAINT `strata: alembic_version holds [0002_index], the rows this script ends with: it has run to the end already` CHECK ((value IS NOT '0002_index')),
    CONSTRAINT `strata: alembic_version holds other rows than [base], the rows this script starts from` CHECK ((value IS ''))
);

SELECT ('strata: alembic_version holds [' || CASE WHEN actual = '' THEN 'base' ELSE actual END || ']') FROM (SELECT coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), '') AS actual) AS strata_rows WHERE (actual IS NOT '');

INSERT INTO temp.strata_check_1dd854a11dcf (value) VALUES (coalesce((SELECT group_concat(version_num, ', ') FROM (SELECT version_num FROM alembic_version ORDER BY version_num) AS v), ''));

-- Running upgrade  -> 0001_tables, a foreign key without an index of its own

CREATE TABLE parents (
    id integer NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE children (
    id integer NOT NULL,
    parent_id integer NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_children_parent FOREIGN KEY (parent_id) REFERENCES parents (id)
);

INSERT INTO alembic_version (version_num) VALUES ('0001_tables');

-- Running upgrade 0001_tables -> 0002_index, an index InnoDB takes over for the foreign key; dropping it gives the key its own back

CREATE INDEX ix_children_parent_id ON children(parent_id, id);

CREATE TABLE IF NOT EXISTS temp.strata_check_6c9aa2bf739c (
    value int,
    CONSTRAINT `strata: version-table update 0001_tables -> 0002_index changed 0 rows of alembic_version, expected 1` CHECK (value = 1)
);
UPDATE alembic_version SET version_num = '0002_index' WHERE alembic_version.version_num = '0001_tables';
INSERT INTO temp.strata_check_6c9aa2bf739c (value) VALUES (changes());

COMMIT;

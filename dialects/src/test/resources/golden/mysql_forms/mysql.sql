\C utf8mb4
SET SESSION sql_mode = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION';
SET SESSION group_concat_max_len = 4294967295, div_precision_increment = 30;
-- strata test: upgrade base -> 0003_constraints (mysql)
-- from: base
-- to: 0003_constraints
-- version table: alembic_version
-- sources: sha256:b365b5259479dbc91f375f1c80c8c66e299d3754602701124ecc47824f06c9ce over 3 revision files
-- segments: 3, one per revision; mysql commits every statement as it runs, so a failure
--   leaves the failing revision's earlier statements in place and the version table at the last
--   revision that ran to its end. Undo what the failing segment did, then run the rest:
--   sed -n '1,/^-- strata: guard$/p;/^-- strata: segment K of 3:/,$p' <this file> | mysql <database>
--   (K is the failed segment; a re-run of the whole script stops and prints this command)

DROP PROCEDURE IF EXISTS strata_abort;
CREATE PROCEDURE strata_abort(IN message VARCHAR(128)) SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = message;

SET @strata_stop = IF(DATABASE() IS NULL, 'strata: no database is selected: name it on the mysql command line', NULL);
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'CALL strata_abort(LEFT(@strata_stop, 128))');
EXECUTE strata_stmt;
SET @strata_lock = CONCAT('strata:', DATABASE(), '.', 'alembic_version');
SET @strata_lock = IF(CHAR_LENGTH(@strata_lock) <= 64, @strata_lock, CONCAT('strata:', SHA1(@strata_lock)));
SET @strata_stop = IF(GET_LOCK(@strata_lock, 0) = 1, NULL,
    CONCAT('strata: another strata script is running on this database: connection ', COALESCE(IS_USED_LOCK(@strata_lock), 'unknown'), ' holds the lock ', @strata_lock));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'CALL strata_abort(LEFT(@strata_stop, 128))');
EXECUTE strata_stmt;

-- strata: guard
SET @strata_sql = IF(EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'alembic_version'),
    'SET @strata_rows = (SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY CAST(version_num AS BINARY) SEPARATOR '', ''), '''') FROM alembic_version)',
    'SET @strata_rows = ''''');
PREPARE strata_stmt FROM @strata_sql;
EXECUTE strata_stmt;
SET @strata_hint = CASE CAST(@strata_rows AS BINARY)
    WHEN '0001_tables' THEN 'strata: segment 1 of 3 ran before; run the rest with: sed -n ''1,/^-- strata: guard$/p;/^-- strata: segment 2 of 3:/,$p'' <this file> | mysql <database>'
    WHEN '0002_columns' THEN 'strata: segments 1 to 2 of 3 ran before; run the rest with: sed -n ''1,/^-- strata: guard$/p;/^-- strata: segment 3 of 3:/,$p'' <this file> | mysql <database>'
    ELSE NULL
END;
PREPARE strata_stmt FROM IF(@strata_hint IS NULL, 'DO 0', 'SELECT @strata_hint AS strata');
EXECUTE strata_stmt;
SET @strata_stop = CASE CAST(@strata_rows AS BINARY)
    WHEN '' THEN NULL
    WHEN '0001_tables' THEN 'strata: alembic_version holds [0001_tables], the rows after segment 1 of 3: run the rest as printed'
    WHEN '0002_columns' THEN 'strata: alembic_version holds [0002_columns], the rows after segment 2 of 3: run the rest as printed'
    ELSE CONCAT('strata: alembic_version holds [', IF(@strata_rows = '', 'base', @strata_rows), '] but this script starts from [base]')
END;
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'CALL strata_abort(LEFT(@strata_stop, 128))');
EXECUTE strata_stmt;

-- strata: segment 1 of 3: 0001_tables

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) COLLATE utf8mb4_bin NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_tables, tables, keys named by PostgreSQL, identities, enums, checks, defaults

CREATE TABLE parent (
    id int NOT NULL AUTO_INCREMENT,
    code varchar(10) NOT NULL,
    created_at datetime(6) NOT NULL DEFAULT current_timestamp(6),
    CONSTRAINT parent_pkey PRIMARY KEY (id),
    CONSTRAINT parent_code_key UNIQUE (code)
);

CREATE TABLE child (
    id bigint NOT NULL AUTO_INCREMENT,
    parent_id int NOT NULL,
    name varchar(40),
    m enum('sad', 'ok') NOT NULL DEFAULT 'ok',
    amount decimal(18, 2) NOT NULL DEFAULT 0,
    a int,
    b int,
    CONSTRAINT child_pkey PRIMARY KEY (id),
    CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE,
    CONSTRAINT child_amount_check CHECK (amount >= 0),
    CONSTRAINT child_a_b_key UNIQUE (a, b)
);

CREATE INDEX child_name_idx ON child(name DESC);

CREATE INDEX ix_child_ab ON child(a, b);

CREATE UNIQUE INDEX ux_child_name ON child(parent_id, name);

INSERT INTO parent (code) VALUES ('p1'), ('p2');

INSERT INTO parent (code) VALUES ('p1') ON DUPLICATE KEY UPDATE parent.code = parent.code;

INSERT INTO alembic_version (version_num) VALUES ('0001_tables');

-- strata: segment 2 of 3: 0002_columns
SET @strata_rows = (SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY CAST(version_num AS BINARY) SEPARATOR ', '), '') FROM alembic_version);
SET @strata_stop = IF(CAST(@strata_rows AS BINARY) = '0001_tables', NULL,
    CONCAT('strata: alembic_version holds [', IF(@strata_rows = '', 'base', @strata_rows), '] but segment 2 of 3 starts from [0001_tables]'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'CALL strata_abort(LEFT(@strata_stop, 128))');
EXECUTE strata_stmt;

-- Running upgrade 0001_tables -> 0002_columns, whole columns restated, renames, an enum value, comments

ALTER TABLE child MODIFY COLUMN name varchar(40) COMMENT 'the child''s name';

ALTER TABLE child MODIFY COLUMN name varchar(80) NOT NULL COMMENT 'the child''s name';

ALTER TABLE child MODIFY COLUMN amount decimal(20, 4) NOT NULL DEFAULT 0;

ALTER TABLE child RENAME COLUMN a TO aa;

ALTER TABLE child RENAME INDEX child_name_idx TO ix_child_name;

ALTER TABLE child MODIFY COLUMN m enum('sad', 'ok', 'happy') NOT NULL DEFAULT 'ok';

ALTER TABLE parent COMMENT = 'parents';

ALTER TABLE parent ALTER COLUMN created_at DROP DEFAULT;

UPDATE alembic_version SET version_num = '0002_columns' WHERE alembic_version.version_num = '0001_tables';
SET @strata_count = ROW_COUNT();
SET @strata_stop = IF(@strata_count = 1, NULL, CONCAT('strata: version-table update 0001_tables -> 0002_columns changed ', @strata_count, ' rows of alembic_version, expected 1'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'CALL strata_abort(LEFT(@strata_stop, 128))');
EXECUTE strata_stmt;

-- strata: segment 3 of 3: 0003_constraints
SET @strata_rows = (SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY CAST(version_num AS BINARY) SEPARATOR ', '), '') FROM alembic_version);
SET @strata_stop = IF(CAST(@strata_rows AS BINARY) = '0002_columns', NULL,
    CONCAT('strata: alembic_version holds [', IF(@strata_rows = '', 'base', @strata_rows), '] but segment 3 of 3 starts from [0002_columns]'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'CALL strata_abort(LEFT(@strata_stop, 128))');
EXECUTE strata_stmt;

-- Running upgrade 0002_columns -> 0003_constraints, constraints dropped by kind, IF [NOT] EXISTS, online index, a column dropped with its keys

ALTER TABLE child DROP FOREIGN KEY child_parent_id_fkey;

ALTER TABLE child ADD CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent (id);

ALTER TABLE child DROP CHECK child_amount_check;

ALTER TABLE child ADD note varchar(20);

DROP INDEX child_a_b_key ON child;

DROP INDEX ix_child_ab ON child;

ALTER TABLE child DROP b;

CREATE UNIQUE INDEX ux_parent_code ON parent(code) ALGORITHM = INPLACE LOCK = NONE;

ALTER TABLE parent RENAME TO parents;

TRUNCATE TABLE child;

UPDATE alembic_version SET version_num = '0003_constraints' WHERE alembic_version.version_num = '0002_columns';
SET @strata_count = ROW_COUNT();
SET @strata_stop = IF(@strata_count = 1, NULL, CONCAT('strata: version-table update 0002_columns -> 0003_constraints changed ', @strata_count, ' rows of alembic_version, expected 1'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'CALL strata_abort(LEFT(@strata_stop, 128))');
EXECUTE strata_stmt;

DO RELEASE_LOCK(@strata_lock);

DROP PROCEDURE IF EXISTS strata_abort;

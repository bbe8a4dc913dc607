\C utf8mb4
SET SESSION sql_mode = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION,SIMULTANEOUS_ASSIGNMENT';
SET SESSION group_concat_max_len = 4294967295, div_precision_increment = 30;
-- strata test: downgrade 0003_constraints -> base (mariadb)
-- from: 0003_constraints
-- to: base
-- version table: alembic_version
-- sources: sha256:c9eefd175b52200a670fef121f36822def6e09455990e917a3056ed9e28fd62c over 3 revision files
-- segments: 3, one per revision; mariadb commits every statement as it runs, so a failure
--   leaves the failing revision's earlier statements in place and the version table at the last
--   revision that ran to its end. Undo what the failing segment did, then run the rest:
--   sed -n '1,/^-- strata: guard$/p;/^-- strata: segment K of 3:/,$p' <this file> | mariadb <database>
--   (K is the failed segment; a re-run of the whole script stops and prints this command)

SET @strata_stop = IF(DATABASE() IS NULL, 'strata: no database is selected: name it on the mariadb command line', NULL);
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;
SET @strata_lock = CONCAT('strata:', DATABASE(), '.', 'alembic_version');
SET @strata_lock = IF(CHAR_LENGTH(@strata_lock) <= 64, @strata_lock, CONCAT('strata:', SHA1(@strata_lock)));
SET @strata_stop = IF(GET_LOCK(@strata_lock, 0) = 1, NULL,
    CONCAT('strata: another strata script is running on this database: connection ', COALESCE(IS_USED_LOCK(@strata_lock), 'unknown'), ' holds the lock ', @strata_lock));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- strata: guard
SET @strata_sql = IF(EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'alembic_version'),
    'SET @strata_rows = (SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY CAST(version_num AS BINARY) SEPARATOR '', ''), '''') FROM alembic_version)',
    'SET @strata_rows = ''''');
PREPARE strata_stmt FROM @strata_sql;
EXECUTE strata_stmt;
SET @strata_hint = CASE CAST(@strata_rows AS BINARY)
    WHEN '0002_columns' THEN 'strata: segment 1 of 3 ran before; run the rest with: sed -n ''1,/^-- strata: guard$/p;/^-- strata: segment 2 of 3:/,$p'' <this file> | mariadb <database>'
    WHEN '0001_tables' THEN 'strata: segments 1 to 2 of 3 ran before; run the rest with: sed -n ''1,/^-- strata: guard$/p;/^-- strata: segment 3 of 3:/,$p'' <this file> | mariadb <database>'
    ELSE NULL
END;
PREPARE strata_stmt FROM IF(@strata_hint IS NULL, 'DO 0', 'SELECT @strata_hint AS strata');
EXECUTE strata_stmt;
SET @strata_stop = CASE CAST(@strata_rows AS BINARY)
    WHEN '0003_constraints' THEN NULL
    WHEN '0002_columns' THEN 'strata: alembic_version holds [0002_columns], the rows after segment 1 of 3: run the rest as printed'
    WHEN '0001_tables' THEN 'strata: alembic_version holds [0001_tables], the rows after segment 2 of 3: run the rest as printed'
    ELSE CONCAT('strata: alembic_version holds [', IF(@strata_rows = '', 'base', @strata_rows), '] but this script starts from [0003_constraints]')
END;
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- strata: segment 1 of 3: 0003_constraints

-- Running downgrade 0003_constraints -> 0002_columns, constraints dropped by kind, IF [NOT] EXISTS, online index, a column dropped with its keys

ALTER TABLE parents RENAME TO parent;

ALTER TABLE parent DROP INDEX ux_parent_code, ALGORITHM = INPLACE, LOCK = NONE;

ALTER TABLE child ADD b int;

ALTER TABLE child ADD CONSTRAINT child_aa_b_key UNIQUE (aa, b);

CREATE INDEX ix_child_ab ON child(aa, b);

ALTER TABLE child DROP note;

ALTER TABLE child ADD CONSTRAINT child_amount_check CHECK (amount >= 0);

ALTER TABLE child DROP CONSTRAINT fk_parent;

ALTER TABLE child ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE;

UPDATE alembic_version SET version_num = '0002_columns' WHERE alembic_version.version_num = '0003_constraints';
SET @strata_count = ROW_COUNT();
SET @strata_stop = IF(@strata_count = 1, NULL, CONCAT('strata: version-table update 0003_constraints -> 0002_columns changed ', @strata_count, ' rows of alembic_version, expected 1'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- strata: segment 2 of 3: 0002_columns
SET @strata_rows = (SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY CAST(version_num AS BINARY) SEPARATOR ', '), '') FROM alembic_version);
SET @strata_stop = IF(CAST(@strata_rows AS BINARY) = '0002_columns', NULL,
    CONCAT('strata: alembic_version holds [', IF(@strata_rows = '', 'base', @strata_rows), '] but segment 2 of 3 starts from [0002_columns]'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- Running downgrade 0002_columns -> 0001_tables, whole columns restated, renames, an enum value, comments

ALTER TABLE parent MODIFY COLUMN created_at datetime(6) NOT NULL DEFAULT current_timestamp(6);

ALTER TABLE parent COMMENT = '';

ALTER TABLE child RENAME INDEX ix_child_name TO child_name_idx;

ALTER TABLE child RENAME COLUMN aa TO a;

ALTER TABLE child MODIFY COLUMN amount decimal(18, 2) NOT NULL DEFAULT 0;

ALTER TABLE child MODIFY COLUMN name varchar(40) COMMENT 'the child''s name';

ALTER TABLE child MODIFY COLUMN name varchar(40);

UPDATE alembic_version SET version_num = '0001_tables' WHERE alembic_version.version_num = '0002_columns';
SET @strata_count = ROW_COUNT();
SET @strata_stop = IF(@strata_count = 1, NULL, CONCAT('strata: version-table update 0002_columns -> 0001_tables changed ', @strata_count, ' rows of alembic_version, expected 1'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- strata: segment 3 of 3: 0001_tables
SET @strata_rows = (SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY CAST(version_num AS BINARY) SEPARATOR ', '), '') FROM alembic_version);
SET @strata_stop = IF(CAST(@strata_rows AS BINARY) = '0001_tables', NULL,
    CONCAT('strata: alembic_version holds [', IF(@strata_rows = '', 'base', @strata_rows), '] but segment 3 of 3 starts from [0001_tables]'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- Running downgrade 0001_tables -> , tables, keys named by PostgreSQL, identities, enums, checks, defaults

DROP TABLE child;

DROP TABLE parent;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_tables';
SET @strata_count = ROW_COUNT();
SET @strata_stop = IF(@strata_count = 1, NULL, CONCAT('strata: version-table delete of 0001_tables changed ', @strata_count, ' rows of alembic_version, expected 1'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

DO RELEASE_LOCK(@strata_lock);

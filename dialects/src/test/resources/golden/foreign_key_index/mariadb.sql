\C utf8mb4
SET SESSION sql_mode = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION,SIMULTANEOUS_ASSIGNMENT';
SET SESSION group_concat_max_len = 4294967295, div_precision_increment = 30;
-- strata test: upgrade base -> 0002_index (mariadb)
-- from: base
-- to: 0002_index
-- version table: alembic_version
-- sources: sha256:26d0983dc24e6b9eac70e97bf7b56be8dce2186ae0c25f328177fa2359567f08 over 2 revision files
-- segments: 2, one per revision; mariadb commits every statement as it runs, so a failure
--   leaves the failing revision's earlier statements in place and the version table at the last
--   revision that ran to its end. Undo what the failing segment did, then run the rest:
--   sed -n '1,/^-- strata: guard$/p;/^-- strata: segment K of 2:/,$p' <this file> | mariadb <database>
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
    WHEN '0001_tables' THEN 'strata: segment 1 of 2 ran before; run the rest with: sed -n ''1,/^-- strata: guard$/p;/^-- strata: segment 2 of 2:/,$p'' <this file> | mariadb <database>'
    ELSE NULL
END;
PREPARE strata_stmt FROM IF(@strata_hint IS NULL, 'DO 0', 'SELECT @strata_hint AS strata');
EXECUTE strata_stmt;
SET @strata_stop = CASE CAST(@strata_rows AS BINARY)
    WHEN '' THEN NULL
    WHEN '0001_tables' THEN 'strata: alembic_version holds [0001_tables], the rows after segment 1 of 2: run the rest as printed'
    ELSE CONCAT('strata: alembic_version holds [', IF(@strata_rows = '', 'base', @strata_rows), '] but this script starts from [base]')
END;
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- strata: segment 1 of 2: 0001_tables

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) COLLATE utf8mb4_bin NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_tables, a foreign key without an index of its own

CREATE TABLE parents (
    id bigint NOT NULL,
    CONSTRAINT parents_pkey PRIMARY KEY (id)
);

CREATE TABLE children (
    id bigint NOT NULL,
    parent_id bigint NOT NULL,
    CONSTRAINT children_pkey PRIMARY KEY (id),
    CONSTRAINT fk_children_parent FOREIGN KEY (parent_id) REFERENCES parents (id)
);

INSERT INTO alembic_version (version_num) VALUES ('0001_tables');

-- strata: segment 2 of 2: 0002_index
SET @strata_rows = (SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY CAST(version_num AS BINARY) SEPARATOR ', '), '') FROM alembic_version);
SET @strata_stop = IF(CAST(@strata_rows AS BINARY) = '0001_tables', NULL,
    CONCAT('strata: alembic_version holds [', IF(@strata_rows = '', 'base', @strata_rows), '] but segment 2 of 2 starts from [0001_tables]'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- Running upgrade 0001_tables -> 0002_index, an index InnoDB takes over for the foreign key; dropping it gives the key its own back

CREATE INDEX ix_children_parent_id ON children(parent_id, id);

UPDATE alembic_version SET version_num = '0002_index' WHERE alembic_version.version_num = '0001_tables';
SET @strata_count = ROW_COUNT();
SET @strata_stop = IF(@strata_count = 1, NULL, CONCAT('strata: version-table update 0001_tables -> 0002_index changed ', @strata_count, ' rows of alembic_version, expected 1'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

DO RELEASE_LOCK(@strata_lock);

\C utf8mb4
SET SESSION sql_mode = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION,SIMULTANEOUS_ASSIGNMENT';
SET SESSION group_concat_max_len = 4294967295, div_precision_increment = 30;
-- strata test: downgrade 0003_last -> base (mariadb)
-- from: 0003_last
-- to: base
-- version table: alembic_version
-- sources: sha256:8dd638618c6cb3ea31f723e4dbdb5180579b44ccc1eec792fea5445efb90bcb4 over 3 revision files
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
    WHEN '0002_mid' THEN 'strata: segment 1 of 3 ran before; run the rest with: sed -n ''1,/^-- strata: guard$/p;/^-- strata: segment 2 of 3:/,$p'' <this file> | mariadb <database>'
    WHEN '0001_t' THEN 'strata: segments 1 to 2 of 3 ran before; run the rest with: sed -n ''1,/^-- strata: guard$/p;/^-- strata: segment 3 of 3:/,$p'' <this file> | mariadb <database>'
    ELSE NULL
END;
PREPARE strata_stmt FROM IF(@strata_hint IS NULL, 'DO 0', 'SELECT @strata_hint AS strata');
EXECUTE strata_stmt;
SET @strata_stop = CASE CAST(@strata_rows AS BINARY)
    WHEN '0003_last' THEN NULL
    WHEN '0002_mid' THEN 'strata: alembic_version holds [0002_mid], the rows after segment 1 of 3: run the rest as printed'
    WHEN '0001_t' THEN 'strata: alembic_version holds [0001_t], the rows after segment 2 of 3: run the rest as printed'
    ELSE CONCAT('strata: alembic_version holds [', IF(@strata_rows = '', 'base', @strata_rows), '] but this script starts from [0003_last]')
END;
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- strata: segment 1 of 3: 0003_last

-- Running downgrade 0003_last -> 0002_mid, ends outside a transaction

DROP INDEX ix_t_z ON t;

ALTER TABLE t DROP INDEX ix_t_w, ALGORITHM = INPLACE, LOCK = NONE;

ALTER TABLE t DROP z;

UPDATE alembic_version SET version_num = '0002_mid' WHERE alembic_version.version_num = '0003_last';
SET @strata_count = ROW_COUNT();
SET @strata_stop = IF(@strata_count = 1, NULL, CONCAT('strata: version-table update 0003_last -> 0002_mid changed ', @strata_count, ' rows of alembic_version, expected 1'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- strata: segment 2 of 3: 0002_mid
SET @strata_rows = (SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY CAST(version_num AS BINARY) SEPARATOR ', '), '') FROM alembic_version);
SET @strata_stop = IF(CAST(@strata_rows AS BINARY) = '0002_mid', NULL,
    CONCAT('strata: alembic_version holds [', IF(@strata_rows = '', 'base', @strata_rows), '] but segment 2 of 3 starts from [0002_mid]'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- Running downgrade 0002_mid -> 0001_t, starts outside a transaction

ALTER TABLE t DROP w;

ALTER TABLE t DROP INDEX ix_t_id, ALGORITHM = INPLACE, LOCK = NONE;

UPDATE alembic_version SET version_num = '0001_t' WHERE alembic_version.version_num = '0002_mid';
SET @strata_count = ROW_COUNT();
SET @strata_stop = IF(@strata_count = 1, NULL, CONCAT('strata: version-table update 0002_mid -> 0001_t changed ', @strata_count, ' rows of alembic_version, expected 1'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- strata: segment 3 of 3: 0001_t
SET @strata_rows = (SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY CAST(version_num AS BINARY) SEPARATOR ', '), '') FROM alembic_version);
SET @strata_stop = IF(CAST(@strata_rows AS BINARY) = '0001_t', NULL,
    CONCAT('strata: alembic_version holds [', IF(@strata_rows = '', 'base', @strata_rows), '] but segment 3 of 3 starts from [0001_t]'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- Running downgrade 0001_t -> , t

DROP TABLE t;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_t';
SET @strata_count = ROW_COUNT();
SET @strata_stop = IF(@strata_count = 1, NULL, CONCAT('strata: version-table delete of 0001_t changed ', @strata_count, ' rows of alembic_version, expected 1'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

DO RELEASE_LOCK(@strata_lock);

\C utf8mb4
SET SESSION sql_mode = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION,SIMULTANEOUS_ASSIGNMENT';
SET SESSION group_concat_max_len = 4294967295, div_precision_increment = 30;
-- strata test: downgrade 0001_pg_dump_forms -> base (mariadb)
-- from: 0001_pg_dump_forms
-- to: base
-- version table: alembic_version
-- sources: sha256:ba35393e2414bf6d1d4555196790f39e22e938ffb4653b14464b8534e2257306 over 1 revision file

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
SET @strata_stop = CASE CAST(@strata_rows AS BINARY)
    WHEN '0001_pg_dump_forms' THEN NULL
    ELSE CONCAT('strata: alembic_version holds [', IF(@strata_rows = '', 'base', @strata_rows), '] but this script starts from [0001_pg_dump_forms]')
END;
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- Running downgrade 0001_pg_dump_forms -> , forms pg_dump and hand-written schemas use: COLLATE after NOT NULL, OPERATOR(=) in an exclusion, a parenthesized INSERT query

DROP TABLE application_copy;

DROP TABLE application;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_pg_dump_forms';
SET @strata_count = ROW_COUNT();
SET @strata_stop = IF(@strata_count = 1, NULL, CONCAT('strata: version-table delete of 0001_pg_dump_forms changed ', @strata_count, ' rows of alembic_version, expected 1'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

DO RELEASE_LOCK(@strata_lock);

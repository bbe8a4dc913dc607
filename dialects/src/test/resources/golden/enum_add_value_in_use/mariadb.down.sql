\C utf8mb4
SET SESSION sql_mode = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION,SIMULTANEOUS_ASSIGNMENT';
SET SESSION group_concat_max_len = 4294967295, div_precision_increment = 30;
-- strata test: downgrade 0004_cancel -> base (mariadb)
-- from: 0004_cancel
-- to: base
-- version table: alembic_version
-- sources: sha256:4adf6d1d657062e5c5c3ffea9a249e4e96999751eed5200e63d251e6ec3edd99 over 4 revision files
-- segments: 4, one per revision; mariadb commits every statement as it runs, so a failure
--   leaves the failing revision's earlier statements in place and the version table at the last
--   revision that ran to its end. Undo what the failing segment did, then run the rest:
--   sed -n '1,/^-- strata: guard$/p;/^-- strata: segment K of 4:/,$p' <this file> | mariadb <database>
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
    WHEN '0003_cancelled' THEN 'strata: segment 1 of 4 ran before; run the rest with: sed -n ''1,/^-- strata: guard$/p;/^-- strata: segment 2 of 4:/,$p'' <this file> | mariadb <database>'
    WHEN '0002_shipped' THEN 'strata: segments 1 to 2 of 4 ran before; run the rest with: sed -n ''1,/^-- strata: guard$/p;/^-- strata: segment 3 of 4:/,$p'' <this file> | mariadb <database>'
    WHEN '0001_status' THEN 'strata: segments 1 to 3 of 4 ran before; run the rest with: sed -n ''1,/^-- strata: guard$/p;/^-- strata: segment 4 of 4:/,$p'' <this file> | mariadb <database>'
    ELSE NULL
END;
PREPARE strata_stmt FROM IF(@strata_hint IS NULL, 'DO 0', 'SELECT @strata_hint AS strata');
EXECUTE strata_stmt;
SET @strata_stop = CASE CAST(@strata_rows AS BINARY)
    WHEN '0004_cancel' THEN NULL
    WHEN '0003_cancelled' THEN 'strata: alembic_version holds [0003_cancelled], the rows after segment 1 of 4: run the rest as printed'
    WHEN '0002_shipped' THEN 'strata: alembic_version holds [0002_shipped], the rows after segment 2 of 4: run the rest as printed'
    WHEN '0001_status' THEN 'strata: alembic_version holds [0001_status], the rows after segment 3 of 4: run the rest as printed'
    ELSE CONCAT('strata: alembic_version holds [', IF(@strata_rows = '', 'base', @strata_rows), '] but this script starts from [0004_cancel]')
END;
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- strata: segment 1 of 4: 0004_cancel

-- Running downgrade 0004_cancel -> 0003_cancelled, the value used in the next revision

UPDATE orders SET status = 'paid' WHERE id = 3;

UPDATE alembic_version SET version_num = '0003_cancelled' WHERE alembic_version.version_num = '0004_cancel';
SET @strata_count = ROW_COUNT();
SET @strata_stop = IF(@strata_count = 1, NULL, CONCAT('strata: version-table update 0004_cancel -> 0003_cancelled changed ', @strata_count, ' rows of alembic_version, expected 1'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- strata: segment 2 of 4: 0003_cancelled
SET @strata_rows = (SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY CAST(version_num AS BINARY) SEPARATOR ', '), '') FROM alembic_version);
SET @strata_stop = IF(CAST(@strata_rows AS BINARY) = '0003_cancelled', NULL,
    CONCAT('strata: alembic_version holds [', IF(@strata_rows = '', 'base', @strata_rows), '] but segment 2 of 4 starts from [0003_cancelled]'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- Running downgrade 0003_cancelled -> 0002_shipped, a value added last in its revision

UPDATE alembic_version SET version_num = '0002_shipped' WHERE alembic_version.version_num = '0003_cancelled';
SET @strata_count = ROW_COUNT();
SET @strata_stop = IF(@strata_count = 1, NULL, CONCAT('strata: version-table update 0003_cancelled -> 0002_shipped changed ', @strata_count, ' rows of alembic_version, expected 1'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- strata: segment 3 of 4: 0002_shipped
SET @strata_rows = (SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY CAST(version_num AS BINARY) SEPARATOR ', '), '') FROM alembic_version);
SET @strata_stop = IF(CAST(@strata_rows AS BINARY) = '0002_shipped', NULL,
    CONCAT('strata: alembic_version holds [', IF(@strata_rows = '', 'base', @strata_rows), '] but segment 3 of 4 starts from [0002_shipped]'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- Running downgrade 0002_shipped -> 0001_status, values used in the revision that adds them

DELETE FROM orders WHERE id = 4;

UPDATE orders SET status = 'paid' WHERE status IN ('shipped', 'cancelled');

UPDATE alembic_version SET version_num = '0001_status' WHERE alembic_version.version_num = '0002_shipped';
SET @strata_count = ROW_COUNT();
SET @strata_stop = IF(@strata_count = 1, NULL, CONCAT('strata: version-table update 0002_shipped -> 0001_status changed ', @strata_count, ' rows of alembic_version, expected 1'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- strata: segment 4 of 4: 0001_status
SET @strata_rows = (SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY CAST(version_num AS BINARY) SEPARATOR ', '), '') FROM alembic_version);
SET @strata_stop = IF(CAST(@strata_rows AS BINARY) = '0001_status', NULL,
    CONCAT('strata: alembic_version holds [', IF(@strata_rows = '', 'base', @strata_rows), '] but segment 4 of 4 starts from [0001_status]'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

-- Running downgrade 0001_status -> , orders with a status

DROP TABLE orders;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_status';
SET @strata_count = ROW_COUNT();
SET @strata_stop = IF(@strata_count = 1, NULL, CONCAT('strata: version-table delete of 0001_status changed ', @strata_count, ' rows of alembic_version, expected 1'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

DO RELEASE_LOCK(@strata_lock);

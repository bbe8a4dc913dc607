\C utf8mb4
SET SESSION sql_mode = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION';
SET SESSION group_concat_max_len = 4294967295, div_precision_increment = 30;
-- strata test: downgrade 0002_add_and_drop_expression -> base (mysql)
-- from: 0002_add_and_drop_expression
-- to: base
-- version table: alembic_version
-- sources: sha256:46f7bfbcbc57ae3a8bff809a09b5672d763c6e9d43dc6c056952dbf2b276f087 over 2 revision files
-- segments: 2, one per revision; mysql commits every statement as it runs, so a failure
--   leaves the failing revision's earlier statements in place and the version table at the last
--   revision that ran to its end. Undo what the failing segment did, then run the rest:
--   sed -n '1,/^-- strata: guard$/p;/^-- strata: segment K of 2:/,$p' <this file> | mysql <database>
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
    WHEN '0001_generated' THEN 'strata: segment 1 of 2 ran before; run the rest with: sed -n ''1,/^-- strata: guard$/p;/^-- strata: segment 2 of 2:/,$p'' <this file> | mysql <database>'
    ELSE NULL
END;
PREPARE strata_stmt FROM IF(@strata_hint IS NULL, 'DO 0', 'SELECT @strata_hint AS strata');
EXECUTE strata_stmt;
SET @strata_stop = CASE CAST(@strata_rows AS BINARY)
    WHEN '0002_add_and_drop_expression' THEN NULL
    WHEN '0001_generated' THEN 'strata: alembic_version holds [0001_generated], the rows after segment 1 of 2: run the rest as printed'
    ELSE CONCAT('strata: alembic_version holds [', IF(@strata_rows = '', 'base', @strata_rows), '] but this script starts from [0002_add_and_drop_expression]')
END;
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'CALL strata_abort(LEFT(@strata_stop, 128))');
EXECUTE strata_stmt;

-- strata: segment 1 of 2: 0002_add_and_drop_expression

-- Running downgrade 0002_add_and_drop_expression -> 0001_generated, a generated column added to a table with rows, and an expression dropped

ALTER TABLE orders DROP doubled;

ALTER TABLE orders DROP label;

ALTER TABLE orders DROP total;

ALTER TABLE orders ADD total decimal(14, 2) GENERATED ALWAYS AS ((price * qty)) STORED;

ALTER TABLE orders ADD label longtext GENERATED ALWAYS AS (concat('order ', cast(id AS char))) STORED NOT NULL;

UPDATE alembic_version SET version_num = '0001_generated' WHERE alembic_version.version_num = '0002_add_and_drop_expression';
SET @strata_count = ROW_COUNT();
SET @strata_stop = IF(@strata_count = 1, NULL, CONCAT('strata: version-table update 0002_add_and_drop_expression -> 0001_generated changed ', @strata_count, ' rows of alembic_version, expected 1'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'CALL strata_abort(LEFT(@strata_stop, 128))');
EXECUTE strata_stmt;

-- strata: segment 2 of 2: 0001_generated
SET @strata_rows = (SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY CAST(version_num AS BINARY) SEPARATOR ', '), '') FROM alembic_version);
SET @strata_stop = IF(CAST(@strata_rows AS BINARY) = '0001_generated', NULL,
    CONCAT('strata: alembic_version holds [', IF(@strata_rows = '', 'base', @strata_rows), '] but segment 2 of 2 starts from [0001_generated]'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'CALL strata_abort(LEFT(@strata_stop, 128))');
EXECUTE strata_stmt;

-- Running downgrade 0001_generated -> , stored generated columns

DROP TABLE notes;

DROP TABLE orders;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_generated';
SET @strata_count = ROW_COUNT();
SET @strata_stop = IF(@strata_count = 1, NULL, CONCAT('strata: version-table delete of 0001_generated changed ', @strata_count, ' rows of alembic_version, expected 1'));
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'CALL strata_abort(LEFT(@strata_stop, 128))');
EXECUTE strata_stmt;

DO RELEASE_LOCK(@strata_lock);

DROP PROCEDURE IF EXISTS strata_abort;

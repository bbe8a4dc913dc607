\C utf8mb4
SET SESSION sql_mode = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION';
SET SESSION group_concat_max_len = 4294967295, div_precision_increment = 30;
-- strata test: upgrade base -> 0001_ledger (mysql)
-- from: base
-- to: 0001_ledger
-- version table: alembic_version
-- sources: sha256:b6e27b0ad522dfcf2af558da1ddeba4189ebd65c598158ed86de421153bf6763 over 1 revision file

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
SET @strata_stop = CASE CAST(@strata_rows AS BINARY)
    WHEN '' THEN NULL
    ELSE CONCAT('strata: alembic_version holds [', IF(@strata_rows = '', 'base', @strata_rows), '] but this script starts from [base]')
END;
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'CALL strata_abort(LEFT(@strata_stop, 128))');
EXECUTE strata_stmt;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) COLLATE utf8mb4_bin NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_ledger, comments and dollar quotes, in dialect blocks and out

CREATE TABLE ledger (
    id bigint NOT NULL,
    amount decimal(12, 2) NOT NULL DEFAULT 0,
    memo longtext DEFAULT ('it''s; -- not a comment'),
    CONSTRAINT ledger_pkey PRIMARY KEY (id)
);

INSERT INTO ledger (id, amount, memo) VALUES (1, 5, 'a $$ inside; /* not a comment */'), (2, 7, 'two
lines');

-- skipped: dialect block for postgresql

-- skipped for postgresql, comments and all
CREATE TRIGGER ledger_guard BEFORE INSERT ON ledger FOR EACH ROW SET NEW.amount = GREATEST(NEW.amount, 0); # mysql comment;

INSERT INTO alembic_version (version_num) VALUES ('0001_ledger');

DO RELEASE_LOCK(@strata_lock);

DROP PROCEDURE IF EXISTS strata_abort;

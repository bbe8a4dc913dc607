\C utf8mb4
SET SESSION sql_mode = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION,SIMULTANEOUS_ASSIGNMENT';
SET SESSION group_concat_max_len = 4294967295, div_precision_increment = 30;
-- strata test: upgrade base -> 0001_currencies (mariadb)
-- from: base
-- to: 0001_currencies
-- version table: alembic_version
-- sources: sha256:2f54a3fb14c571ab8dc1ba607b581b8cdc7c897eeb899e21548cc9f83ce196c7 over 1 revision file

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
    WHEN '' THEN NULL
    ELSE CONCAT('strata: alembic_version holds [', IF(@strata_rows = '', 'base', @strata_rows), '] but this script starts from [base]')
END;
PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', 'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop');
EXECUTE strata_stmt;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) COLLATE utf8mb4_bin NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_currencies, currencies

CREATE TABLE currencies (
    code char(3) NOT NULL,
    name longtext NOT NULL,
    meta json DEFAULT ('{}'),
    CONSTRAINT currencies_pkey PRIMARY KEY (code)
);

INSERT INTO currencies (code, name) VALUES ('EUR', 'Euro'), ('USD', 'US dollar?');

INSERT INTO currencies VALUES ('JPY', 'Yen', '{"minor": 0}');

INSERT INTO currencies (code, name, meta) SELECT 'XTS', 'test {0} ?', '{}' WHERE json_extract('{"a": 1}', concat('$.', 'a')) IS NOT NULL ON DUPLICATE KEY UPDATE currencies.code = currencies.code;

INSERT INTO currencies (code, name) VALUES ('EUR', 'again') ON DUPLICATE KEY UPDATE currencies.code = currencies.code;

INSERT INTO currencies SELECT 'GBP', 'Pound', NULL;

INSERT INTO alembic_version (version_num) VALUES ('0001_currencies');

DO RELEASE_LOCK(@strata_lock);

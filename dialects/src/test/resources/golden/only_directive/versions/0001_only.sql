-- revision: 0001_only
-- revises: base
-- message: statements for some dialects only

-- +upgrade
CREATE TABLE people (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL);
-- +only postgresql sqlite
CREATE INDEX ix_people_email_lower ON people ((lower(email)));
-- +only mariadb mysql
CREATE INDEX ix_people_email_lower ON people (email);
-- +only postgresql
COMMENT ON TABLE people IS 'everyone';

-- +downgrade
DROP INDEX ix_people_email_lower;
DROP TABLE people;

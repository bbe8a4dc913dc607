-- revision: 0009_only
-- revises: 0008_prev
-- message: statements in strata's language restricted to some dialects

-- +upgrade
CREATE TABLE t (id BIGINT PRIMARY KEY, email VARCHAR(200));
-- +only postgresql sqlite
CREATE INDEX ix_t_email_lower ON t ((lower(email)));
-- +only mariadb mysql
CREATE INDEX ix_t_email_lower ON t (email);
-- +no-transaction
-- +only postgresql
CREATE INDEX CONCURRENTLY ix_t_id ON t (id);

-- +downgrade
-- +only postgresql
DROP INDEX CONCURRENTLY ix_t_id;
DROP INDEX ix_t_email_lower;
DROP TABLE t;

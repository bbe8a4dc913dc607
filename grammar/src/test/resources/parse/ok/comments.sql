-- revision: 0001_comments
-- revises: base
-- message: comments on every kind of object

-- +upgrade
COMMENT ON TABLE app.users IS 'People who sign in';
COMMENT ON COLUMN users.email IS 'lower-case, unique';
COMMENT ON COLUMN app.users.name IS 'it''s shown';
COMMENT ON INDEX ix_users_email IS 'for sign-in';
COMMENT ON VIEW active_users IS 'users seen this month';
COMMENT ON MATERIALIZED VIEW app.stats IS 'nightly';
COMMENT ON SEQUENCE order_numbers IS 'one per order';
COMMENT ON TYPE mood IS 'how it went';
COMMENT ON DOMAIN positive IS 'above zero';
COMMENT ON SCHEMA app IS 'the application';
COMMENT ON EXTENSION pgcrypto IS 'gen_random_uuid';
COMMENT ON FUNCTION app.touch(integer, text) IS 'sets updated_at';
COMMENT ON FUNCTION now_utc() IS 'no arguments';
COMMENT ON FUNCTION unique_name IS 'not overloaded';
COMMENT ON PROCEDURE archive(date) IS 'moves old rows';
COMMENT ON TRIGGER users_touch ON app.users IS 'before update';
COMMENT ON CONSTRAINT users_email_key ON users IS 'one account per address';
COMMENT ON POLICY own_rows ON users IS NULL;

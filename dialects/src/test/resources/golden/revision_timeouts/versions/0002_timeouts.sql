-- revision: 0002_timeouts
-- revises: 0001_table
-- message: timeouts for this revision's statements only

-- +upgrade
SET LOCAL lock_timeout = '5s';
SET statement_timeout TO '1min';
-- +dialect postgresql
DO $$
BEGIN
    IF current_setting('lock_timeout') <> '5s' OR current_setting('statement_timeout') <> '1min' THEN
        RAISE EXCEPTION 'before the index: lock_timeout %, statement_timeout %', current_setting('lock_timeout'), current_setting('statement_timeout');
    END IF;
END
$$;
-- +end
CREATE INDEX CONCURRENTLY ix_t_id ON t (id);
-- +no-transaction
-- +dialect postgresql
DO $$
BEGIN
    IF current_setting('lock_timeout') <> '5s' OR current_setting('statement_timeout') <> '1min' THEN
        RAISE EXCEPTION 'outside a transaction: lock_timeout %, statement_timeout %', current_setting('lock_timeout'), current_setting('statement_timeout');
    END IF;
END
$$;
-- +end
RESET statement_timeout;
ALTER TABLE t ADD COLUMN note TEXT;
-- +dialect postgresql
DO $$
BEGIN
    IF current_setting('lock_timeout') <> '5s' OR (SELECT setting FROM pg_settings WHERE name = 'statement_timeout') <> (SELECT value FROM script_settings WHERE name = 'statement_timeout') THEN
        RAISE EXCEPTION 'after RESET: lock_timeout %, statement_timeout %', current_setting('lock_timeout'), current_setting('statement_timeout');
    END IF;
END
$$;
-- +end

-- +downgrade
SET lock_timeout = '3s';
ALTER TABLE t DROP COLUMN note;
DROP INDEX CONCURRENTLY ix_t_id;

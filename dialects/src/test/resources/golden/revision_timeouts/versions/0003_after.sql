-- revision: 0003_after
-- revises: 0002_timeouts
-- message: the script's own settings are back

-- +upgrade
-- +dialect postgresql
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM script_settings s JOIN pg_settings p USING (name) WHERE p.setting <> s.value) THEN
        RAISE EXCEPTION 'the settings of 0002_timeouts leaked: lock_timeout %, statement_timeout %', current_setting('lock_timeout'), current_setting('statement_timeout');
    END IF;
END
$$;
-- +end
CREATE TABLE z (id INT);

-- +downgrade
DROP TABLE z;

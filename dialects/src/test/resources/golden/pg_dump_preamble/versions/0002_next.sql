-- revision: 0002_next
-- revises: 0001_initial_schema
-- message: the next revision runs under the script's own settings again

-- +upgrade
-- +dialect postgresql
DO $$
BEGIN
    IF current_setting('check_function_bodies') <> 'on' OR current_setting('client_min_messages') <> 'notice' THEN
        RAISE EXCEPTION 'the preamble of 0001 leaked into 0002';
    END IF;
END
$$;
-- +end
CREATE INDEX ix_accounts_name ON public.accounts (name);

-- +downgrade
DROP INDEX public.ix_accounts_name;

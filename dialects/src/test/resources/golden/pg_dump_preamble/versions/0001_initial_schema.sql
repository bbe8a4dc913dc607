-- revision: 0001_initial_schema
-- revises: base
-- message: an initial schema from pg_dump, its preamble kept

-- +upgrade
SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;
SET default_tablespace = '';
SET default_table_access_method = heap;
CREATE TABLE public.accounts (id BIGINT NOT NULL, name TEXT NOT NULL);
ALTER TABLE public.accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);
-- +dialect postgresql
DO $$
BEGIN
    IF current_setting('check_function_bodies') <> 'off' OR current_setting('client_min_messages') <> 'warning' THEN
        RAISE EXCEPTION 'the preamble does not hold for the revision''s statements';
    END IF;
END
$$;
-- +end

-- +downgrade
DROP TABLE public.accounts;

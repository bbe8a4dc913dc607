-- revision: 0001_functions
-- revises: base
-- message: functions and procedures, PostgreSQL-only statements written without a block

-- +upgrade
CREATE OR REPLACE FUNCTION set_updated_at() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();  -- a ';' inside the body never splits the statement
    RETURN NEW;
END;
$$;
CREATE FUNCTION plus(a integer, b integer DEFAULT 1) RETURNS integer
    AS 'SELECT a + b' LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION public.find_users(IN p_name text, OUT id bigint, OUT name text)
    RETURNS SETOF record STABLE SECURITY DEFINER SET search_path = public, pg_temp
    LANGUAGE sql AS $body$ SELECT id, name FROM users WHERE name = p_name $body$;
CREATE FUNCTION totals(since timestamp with time zone, double precision, numeric(10, 2) = 0)
    RETURNS TABLE (day date, total numeric) LANGUAGE sql COST 10 ROWS 100
    RETURNS NULL ON NULL INPUT AS $$ SELECT now()::date, 0::numeric $$;
CREATE FUNCTION tags_of(VARIADIC tags text[], owner users.id%TYPE) RETURNS text[]
    LANGUAGE sql NOT LEAKPROOF AS $$ SELECT tags $$;
CREATE PROCEDURE archive(days integer) LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM events WHERE created_at < now() - make_interval(days => days);
END
$$;
ALTER FUNCTION plus(integer, integer) RENAME TO plus_numbers;
ALTER FUNCTION plus_numbers(integer, integer) OWNER TO postgres;
ALTER PROCEDURE archive SET search_path = public;

-- +downgrade
DROP PROCEDURE IF EXISTS archive(integer);
DROP FUNCTION tags_of, totals(timestamptz, double precision, numeric) CASCADE;
DROP FUNCTION IF EXISTS public.find_users(text), plus_numbers(a integer, b integer);
DROP FUNCTION set_updated_at() RESTRICT;

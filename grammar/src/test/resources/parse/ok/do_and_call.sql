-- revision: 0003_do_and_call
-- revises: base
-- message: DO blocks and CALL

-- +upgrade
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN
        CREATE TYPE mood AS ENUM ('sad', 'happy');
    END IF;
    -- COMMIT; in a comment does not count
    RAISE NOTICE 'COMMIT; in a string does not count';
END
$$;
DO LANGUAGE plpgsql $do$
DECLARE
    batch int := 0;
BEGIN
    LOOP
        UPDATE events SET archived = true WHERE id IN (SELECT id FROM events WHERE NOT archived LIMIT 1000);
        EXIT WHEN NOT FOUND;
        COMMIT;
    END LOOP;
END
$do$;
DO 'BEGIN ROLLBACK; END' LANGUAGE plpgsql;
DO $$ BEGIN PERFORM 1; END $$ LANGUAGE plpythonu;
CALL archive(30);
CALL public.refresh_totals();
CALL transfer(1, 2, amount => 10.5, note => 'a, b');

-- +downgrade
-- +no-op

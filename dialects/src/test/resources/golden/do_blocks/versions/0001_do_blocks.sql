-- revision: 0001_do_blocks
-- revises: base
-- message: DO blocks, one of which commits and so runs outside a transaction

-- +upgrade
CREATE TABLE events (id INTEGER PRIMARY KEY, archived BOOLEAN NOT NULL DEFAULT false);

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'events_archive') THEN
        CREATE TABLE events_archive (id INTEGER PRIMARY KEY);
    END IF;
    -- COMMIT; in a comment does not count
    RAISE NOTICE 'COMMIT; in a string does not count';
END
$$;

INSERT INTO events (id) SELECT g FROM generate_series(1, 25) AS g;

DO LANGUAGE plpgsql $batches$
DECLARE
    moved integer;
BEGIN
    LOOP
        WITH batch AS (
            UPDATE events SET archived = true
            WHERE id IN (SELECT id FROM events WHERE NOT archived ORDER BY id LIMIT 10)
            RETURNING id
        )
        INSERT INTO events_archive (id) SELECT id FROM batch;
        GET DIAGNOSTICS moved = ROW_COUNT;
        EXIT WHEN moved = 0;
        COMMIT;
    END LOOP;
END
$batches$;

ALTER TABLE events ADD COLUMN note TEXT;

-- +downgrade
DO 'BEGIN DROP TABLE IF EXISTS events_archive; END';
DROP TABLE events;

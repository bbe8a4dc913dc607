-- revision: 0002_add_identity
-- revises: 0001_identity
-- message: identity ALWAYS added to existing tables

-- +upgrade
ALTER TABLE app."Order Items" ADD COLUMN "Line No" INTEGER GENERATED ALWAYS AS IDENTITY, ADD COLUMN note TEXT;
ALTER TABLE IF EXISTS events ADD COLUMN n BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE;
INSERT INTO events (kind) VALUES ('numbered');

-- +downgrade
DELETE FROM events WHERE kind = 'numbered';
ALTER TABLE events DROP COLUMN n;
ALTER TABLE app."Order Items" DROP COLUMN note, DROP COLUMN "Line No";

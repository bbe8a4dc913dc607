-- revision: 0002_add_serial
-- revises: 0001_serial
-- message: a SERIAL column added to a table with rows

-- +upgrade
ALTER TABLE app."Events" ADD COLUMN seq SERIAL, ADD COLUMN "Big Seq" BIGSERIAL UNIQUE;

-- +downgrade
ALTER TABLE app."Events" DROP COLUMN "Big Seq", DROP COLUMN seq;

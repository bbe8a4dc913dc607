-- revision: 0012_literals
-- revises: 0011_escapes

-- +upgrade
UPDATE t SET a = 'first line
-- +downgrade
last line' WHERE b = 1;
/*
-- +downgrade
*/
UPDATE t SET a = $$
-- +no-transaction
$$;
CREATE TABLE "-- +end" (x INT);

-- +downgrade
DROP TABLE "-- +end";

-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
CREATE CAST (bigint AS int4) WITH FUNCTION int4(bigint) AS ASSIGNMENT;

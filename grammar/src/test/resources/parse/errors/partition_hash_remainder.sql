-- revision: 0002_upkeep
-- revises: 0001_base

-- +upgrade
CREATE TABLE s_1 PARTITION OF s FOR VALUES WITH (MODULUS 2, REMAINDER 2);

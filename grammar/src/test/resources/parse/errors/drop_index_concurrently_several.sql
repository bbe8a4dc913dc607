-- revision: 0002_upkeep
-- revises: 0001_base

-- +upgrade
DROP INDEX CONCURRENTLY ix_a, ix_b;

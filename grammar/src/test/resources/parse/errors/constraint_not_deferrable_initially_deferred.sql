-- revision: 0002_upkeep
-- revises: 0001_base

-- +upgrade
CREATE TABLE t (id INT PRIMARY KEY NOT DEFERRABLE INITIALLY DEFERRED);

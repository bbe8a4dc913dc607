-- revision: 0002_upkeep
-- revises: 0001_base

-- +upgrade
CREATE TABLE events (id INT, at DATE) PARTITION BY INTERVAL (at);

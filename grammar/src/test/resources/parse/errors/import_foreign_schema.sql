-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
IMPORT FOREIGN SCHEMA remote FROM SERVER film_server INTO films;

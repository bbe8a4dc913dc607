-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
CREATE FOREIGN TABLE films (code char(5) NOT NULL) SERVER film_server;

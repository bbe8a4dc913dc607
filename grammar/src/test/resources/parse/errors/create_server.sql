-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
CREATE SERVER film_server FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'foo', dbname 'foodb');

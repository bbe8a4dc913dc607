-- revision: 0004_seed
-- revises: 0003_email
-- message: seed rows, one written per dialect

-- +upgrade
INSERT INTO customers (id, name, email) VALUES (1, 'Ada', 'ada@example.com');
-- +dialect postgresql
INSERT INTO customers (id, name) VALUES (2, 'psql: C:\temp');
-- +end
-- +dialect mysql
INSERT INTO customers (id, name) VALUES (2, 'mysql: C:\\temp'); -- # and \! are data here
-- +end
-- +dialect mariadb
INSERT INTO customers (id, name) VALUES (2, 'mariadb: C:\\temp'); # \! is data here
-- +end
-- +dialect sqlite
INSERT INTO customers (id, name)
VALUES (2, 'sqlite: a line of the string
.shell is data here');
-- +end

-- +downgrade
DELETE FROM customers;

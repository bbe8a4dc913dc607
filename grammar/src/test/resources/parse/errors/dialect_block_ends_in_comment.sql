-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade
-- +dialect postgresql
CREATE VIEW v AS SELECT 1 AS one;
/* the downgrade drops it
-- +end

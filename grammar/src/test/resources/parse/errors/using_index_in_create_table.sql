-- revision: 0002_upkeep
-- revises: 0001_base

-- +upgrade
CREATE TABLE t (id INT, CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_id_idx);

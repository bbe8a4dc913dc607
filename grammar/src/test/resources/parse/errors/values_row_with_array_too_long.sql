-- revision: 0010_arrays
-- revises: 0009_quoted

-- +upgrade
INSERT INTO tagged VALUES (ARRAY['a', 'b'], 1), (ARRAY['a', 'b'], 2, 3);

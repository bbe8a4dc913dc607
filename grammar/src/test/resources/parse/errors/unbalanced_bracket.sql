-- revision: 0010_arrays
-- revises: 0009_quoted

-- +upgrade
UPDATE tagged SET tags = ARRAY['a', 'b') WHERE id = 1;

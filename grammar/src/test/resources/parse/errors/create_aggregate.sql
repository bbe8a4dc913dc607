-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
CREATE AGGREGATE array_concat_agg (anycompatiblearray) (SFUNC = array_cat, STYPE = anycompatiblearray);

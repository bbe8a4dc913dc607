-- revision: 0002_array_values
-- revises: 0001_tagged
-- message: array values, subscripts and slices in every kind of expression

-- +upgrade
INSERT INTO tagged (id, tags, scores) VALUES (1, ARRAY['a', 'b'], ARRAY[1, 2, 3]), (2, ARRAY[']', '['], '{4,5}');
UPDATE tagged SET tags = ARRAY['a','b'] WHERE tags[1] = ']';
UPDATE tagged SET scores = scores[1: 2], tags = tags || ARRAY['c'] WHERE scores[3] IS NOT NULL;
ALTER TABLE tagged
    ADD COLUMN first_score INTEGER NOT NULL DEFAULT (ARRAY[1, 2])[1] CHECK (first_score = ANY (ARRAY[1, 2])),
    ALTER COLUMN tags SET DEFAULT ARRAY['new'];
CREATE INDEX ix_tagged_first_tag ON tagged ((tags[1]), lower(tags[2])) WHERE tags[1: 2] <> ARRAY['x', 'y'];
DELETE FROM tagged WHERE scores[1] IN (SELECT unnest(ARRAY[7, 8]));

-- +downgrade
DROP INDEX ix_tagged_first_tag;
ALTER TABLE tagged DROP COLUMN first_score, ALTER COLUMN tags SET DEFAULT ARRAY[]::TEXT[];
DELETE FROM tagged WHERE id IN (1, 2);

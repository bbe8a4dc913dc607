-- revision: 0010_arrays
-- revises: 0009_quoted

-- +upgrade
-- +dialect postgresql
CREATE TABLE tagged (id INTEGER PRIMARY KEY, tags TEXT[] NOT NULL, scores INTEGER[]);
-- +end
UPDATE tagged SET tags = ARRAY['a', 'b'], scores = scores[1: 2] WHERE tags[1] = 'x';
INSERT INTO tagged (id, tags, scores) VALUES (1, ARRAY['a', 'b'], '{1,2}'), (7, ARRAY[']', '['], ARRAY[3, 4]);
ALTER TABLE tagged ADD COLUMN first_score INTEGER DEFAULT (ARRAY[1, 2])[1] NOT NULL CHECK (first_score = ANY (ARRAY[1, 2])), ALTER COLUMN first_score SET DEFAULT (ARRAY[3, 4])[2];
CREATE INDEX ix_tagged_first_tag ON tagged ((tags[1]), lower(tags[2])) WHERE tags[1: 2] <> ARRAY['a', 'b'];
DELETE FROM tagged WHERE scores[1] IN (SELECT unnest(ARRAY[1, 2]));
INSERT INTO tagged (id, tags) SELECT 3, ARRAY['c', 'd'] ON CONFLICT DO NOTHING;

-- +downgrade
-- +dialect postgresql
DROP TABLE tagged;
-- +end

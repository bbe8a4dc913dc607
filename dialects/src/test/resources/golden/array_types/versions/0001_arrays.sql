-- revision: 0001_arrays
-- revises: base
-- message: array columns of every spelling

-- +upgrade
CREATE TABLE tagged (
    id INTEGER PRIMARY KEY,
    tags TEXT[] NOT NULL DEFAULT '{}',
    scores INTEGER[3],
    prices NUMERIC(10, 2)[],
    grid SMALLINT[][],
    stamps TIMESTAMP(3) WITH TIME ZONE ARRAY,
    codes VARCHAR(8) ARRAY[4],
    flags BOOLEAN[],
    ids UUID[],
    docs JSONB[],
    at_times TIME(0)[],
    addrs INET[]
);
INSERT INTO tagged (id, tags, scores, prices, grid) VALUES (1, ARRAY['a', 'b'], '{1,2,3}', ARRAY[1.5, 2.25], '{{1,2},{3,4}}');

-- +downgrade
DROP TABLE tagged;

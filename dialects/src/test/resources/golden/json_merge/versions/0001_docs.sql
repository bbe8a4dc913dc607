-- revision: 0001_docs
-- revises: base
-- message: || of two JSON columns (no cast says so: the model does) and of two texts

-- +upgrade
CREATE TABLE docs (id BIGINT PRIMARY KEY, title TEXT, meta JSONB, extra JSONB);
UPDATE docs SET title = title || ' (draft)' WHERE title IS NOT NULL;
UPDATE docs SET meta = meta || extra WHERE extra IS NOT NULL;

-- +downgrade
DROP TABLE docs;

-- revision: 0001_things
-- revises: base
-- message: things

-- +upgrade
CREATE TABLE things (id INTEGER, updated_at TIMESTAMPTZ);

-- +dialect postgresql

CREATE FUNCTION touch() RETURNS trigger AS $$
BEGIN
  NEW.updated_at := now(); -- a ; inside
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER things_touch BEFORE UPDATE ON things
  FOR EACH ROW EXECUTE FUNCTION touch();

-- +end

-- +dialect mysql
CREATE TRIGGER things_touch BEFORE UPDATE ON things FOR EACH ROW SET NEW.updated_at = NOW();
-- +end

-- +dialect sqlite
SELECT 1;
-- +end

-- +no-transaction
-- +dialect postgresql
VACUUM ANALYZE things
-- +end

-- +downgrade
-- +dialect postgresql
DROP TRIGGER things_touch ON things;
DROP FUNCTION touch();
-- +end

-- +dialect mysql
DROP TRIGGER things_touch;
-- +end

DROP TABLE things;

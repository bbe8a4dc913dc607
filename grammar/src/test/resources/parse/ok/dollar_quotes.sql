-- revision: 0008_functions
-- revises: 0007_comments

-- +upgrade
-- +dialect postgresql

CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $body$
BEGIN
  NEW.updated_at := now(); -- a ; in a comment
  RAISE NOTICE 'done; really $$ not the end';
  RETURN NEW;
END;
$body$ LANGUAGE plpgsql;

-- +end
-- +no-transaction
-- +dialect mysql
CREATE TRIGGER t BEFORE UPDATE ON x FOR EACH ROW SET NEW.updated_at = NOW();
-- +end
INSERT INTO docs (body) VALUES ($$it's a; body$$), ($tag$ $$ ; $tag$);
UPDATE docs SET body = $a$x$b$y$a$ WHERE id = $$1$$;

-- +downgrade
-- +dialect SQLite
DROP TRIGGER IF EXISTS t;
-- +end
-- +dialect mariadb
-- +end

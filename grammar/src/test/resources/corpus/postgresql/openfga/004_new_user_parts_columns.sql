-- This migration adds 3 more columns to the tuple and changelog tables, and fills past and future data with a trigger.

ALTER TABLE tuple
    ADD COLUMN IF NOT EXISTS user_object_type TEXT,
    ADD COLUMN IF NOT EXISTS user_object_id TEXT,
    ADD COLUMN IF NOT EXISTS user_relation TEXT;

-- group:eng#member becomes (group, eng, member)
CREATE OR REPLACE FUNCTION set_new_columns() RETURNS TRIGGER AS $$
BEGIN
        NEW.user_object_type = (CASE
                                    WHEN position(':' in NEW._user) > 0 THEN split_part(NEW._user, ':', 1)
                                    ELSE ''
            END),
        NEW.user_object_id = (CASE
                                  WHEN position('#' in NEW._user) > 0 THEN split_part(split_part(NEW._user, ':', -1), '#', 1)
                                  ELSE split_part(NEW._user, ':', -1)
            END),
        NEW.user_relation = (CASE
                                 WHEN position('#' in NEW._user) > 0 THEN split_part(NEW._user, '#', -1)
                                 ELSE ''
            END);
END;
$$ language 'plpgsql';

UPDATE tuple SET
     user_object_type = (CASE
                             WHEN position(':' in _user) > 0 THEN split_part(_user, ':', 1)
                             ELSE ''
         END),
     user_object_id = (CASE
                           WHEN position('#' in _user) > 0 THEN split_part(split_part(_user, ':', -1), '#', 1)
                           ELSE split_part(_user, ':', -1)
         END),
     user_relation = (CASE
                          WHEN position('#' in _user) > 0 THEN split_part(_user, '#', -1)
                          ELSE ''
         END);

CREATE TRIGGER migrate_user_column
    BEFORE UPDATE ON tuple
    FOR EACH ROW
    EXECUTE FUNCTION set_new_columns();

ALTER TABLE tuple ADD CONSTRAINT unique_tuple UNIQUE(store, object_type, object_id, relation, user_object_type, user_object_id, user_relation);

CREATE INDEX CONCURRENTLY idx_tuple_partial_userset_v2 ON tuple (store, object_type, object_id, relation, user_object_type, user_relation) WHERE user_relation != '' OR user_object_id = '*';
CREATE INDEX CONCURRENTLY idx_tuple_partial_user_v2 ON tuple (store, object_type, object_id, relation, user_object_type, user_object_id) WHERE user_relation = '' AND user_object_id != '*';

ALTER TABLE changelog
    ADD COLUMN IF NOT EXISTS user_object_type TEXT,
    ADD COLUMN IF NOT EXISTS user_object_id TEXT,
    ADD COLUMN IF NOT EXISTS user_relation TEXT;

UPDATE changelog SET
     user_object_type = (CASE
        WHEN position(':' in _user) > 0 THEN split_part(_user, ':', 1)
        ELSE ''
        END),
     user_object_id = (CASE
        WHEN position('#' in _user) > 0 THEN split_part(split_part(_user, ':', -1), '#', 1)
        ELSE split_part(_user, ':', -1)
        END),
     user_relation = (CASE
        WHEN position('#' in _user) > 0 THEN split_part(_user, '#', -1)
        ELSE ''
    END);

CREATE TRIGGER migrate_user_column
    BEFORE UPDATE ON changelog
    FOR EACH ROW
    EXECUTE FUNCTION set_new_columns();

-- revision: 0002_change_enum
-- revises: 0001_enum_columns
-- message: a column moved to a new enum type with ALTER COLUMN ... TYPE ... USING

-- +upgrade
CREATE TYPE mood_v2 AS ENUM ('sad', 'ok', 'happy', 'ecstatic');
ALTER TABLE people
    ALTER COLUMN current_mood DROP DEFAULT,
    ALTER COLUMN current_mood TYPE mood_v2 USING current_mood::text::mood_v2,
    ALTER COLUMN current_mood SET DEFAULT 'ecstatic',
    ADD COLUMN previous public.mood_v2[];

-- +downgrade
ALTER TABLE people
    DROP COLUMN previous,
    ALTER COLUMN current_mood DROP DEFAULT,
    ALTER COLUMN current_mood TYPE mood USING current_mood::text::mood,
    ALTER COLUMN current_mood SET DEFAULT 'ok';
DROP TYPE mood_v2;

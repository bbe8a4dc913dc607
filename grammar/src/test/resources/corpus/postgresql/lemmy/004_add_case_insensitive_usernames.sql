-- Add case insensitive username and email uniqueness
-- Delete username dupes, keeping the first one
DELETE FROM user_
WHERE id NOT IN (
        SELECT
            min(id)
        FROM
            user_
        GROUP BY
            lower(name),
            lower(fedi_name));

-- The user index
CREATE UNIQUE INDEX idx_user_name_lower ON user_ (lower(name));

-- Email lower
CREATE UNIQUE INDEX idx_user_email_lower ON user_ (lower(email));

-- Set empty emails properly to null
UPDATE
    user_
SET
    email = NULL
WHERE
    email = '';

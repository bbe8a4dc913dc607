-- revision: 0002_triggers
-- revises: 0001_base

-- +upgrade
ALTER TABLE users ENABLE SOMETIMES TRIGGER users_touch;

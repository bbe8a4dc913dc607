--  This migration drops triggers

DROP TRIGGER IF EXISTS migrate_user_column ON tuple;

DROP TRIGGER IF EXISTS migrate_user_column ON changelog;

-- revision: 0002_triggers
-- revises: 0001_functions
-- message: triggers

-- +upgrade
CREATE TRIGGER users_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE OR REPLACE TRIGGER audit AFTER INSERT OR UPDATE OF email, name OR DELETE ON public.users
    REFERENCING NEW TABLE AS inserted OLD TABLE AS deleted
    FOR EACH STATEMENT EXECUTE PROCEDURE audit.log_change('users', 42);
CREATE CONSTRAINT TRIGGER check_balance AFTER INSERT OR UPDATE ON accounts FROM ledger
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.balance < 0)
    EXECUTE FUNCTION reject_negative();
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON ledger EXECUTE FUNCTION refuse();
CREATE TRIGGER view_insert INSTEAD OF INSERT ON active_users FOR EACH ROW EXECUTE FUNCTION insert_user();
ALTER TRIGGER audit ON public.users RENAME TO users_audit;
ALTER TABLE users DISABLE TRIGGER users_updated_at;
ALTER TABLE users ENABLE TRIGGER ALL;
ALTER TABLE IF EXISTS users ENABLE REPLICA TRIGGER users_audit;
ALTER TABLE users ENABLE ALWAYS TRIGGER "Quoted";
ALTER TABLE users DISABLE TRIGGER USER;

-- +downgrade
DROP TRIGGER IF EXISTS view_insert ON active_users;
DROP TRIGGER no_truncate ON ledger CASCADE;
DROP TRIGGER check_balance ON accounts;
DROP TRIGGER users_audit ON public.users;
DROP TRIGGER users_updated_at ON users;

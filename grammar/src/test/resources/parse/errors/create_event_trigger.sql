-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
CREATE EVENT TRIGGER abort_ddl ON ddl_command_start EXECUTE FUNCTION abort_any_command();

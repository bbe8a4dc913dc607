-- revision: 0021_create_audit_schema
-- revises: 0020_merge_lrs_dividends
-- message: audit row changes of LRS remittances and dividend events

-- +upgrade
-- The audit trail is PostgreSQL's (a schema, a PL/pgSQL trigger function): the other dialects
-- have none, and record this revision without a statement.
-- +only postgresql
CREATE SCHEMA audit;
-- +only postgresql
CREATE TABLE audit.row_changes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name VARCHAR(63) NOT NULL,
    row_id BIGINT NOT NULL,
    operation VARCHAR(8) NOT NULL,
    old_row JSONB,
    new_row JSONB,
    changed_by VARCHAR(63) NOT NULL DEFAULT CURRENT_USER,
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT ck_row_changes_operation CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE'))
);
-- +only postgresql
CREATE INDEX ix_row_changes_table_row ON audit.row_changes (table_name, row_id);

-- +only postgresql
CREATE FUNCTION audit.record_row_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO audit.row_changes (table_name, row_id, operation, old_row)
        VALUES (TG_TABLE_NAME, OLD.id, TG_OP, to_jsonb(OLD));
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO audit.row_changes (table_name, row_id, operation, old_row, new_row)
        VALUES (TG_TABLE_NAME, NEW.id, TG_OP, to_jsonb(OLD), to_jsonb(NEW));
    ELSE
        INSERT INTO audit.row_changes (table_name, row_id, operation, new_row)
        VALUES (TG_TABLE_NAME, NEW.id, TG_OP, to_jsonb(NEW));
    END IF;
    RETURN NULL;
END;
$$;

-- +only postgresql
CREATE TRIGGER trg_lrs_remittances_audit
    AFTER INSERT OR UPDATE OR DELETE ON lrs_remittances
    FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();

-- +only postgresql
CREATE TRIGGER trg_dividend_events_audit
    AFTER INSERT OR UPDATE OR DELETE ON dividend_events
    FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();

-- +downgrade
-- +only postgresql
DROP TRIGGER trg_dividend_events_audit ON dividend_events;
-- +only postgresql
DROP TRIGGER trg_lrs_remittances_audit ON lrs_remittances;
-- +only postgresql
DROP FUNCTION audit.record_row_change();
-- +only postgresql
DROP INDEX audit.ix_row_changes_table_row;
-- +only postgresql
DROP TABLE audit.row_changes;
-- +only postgresql
DROP SCHEMA audit;

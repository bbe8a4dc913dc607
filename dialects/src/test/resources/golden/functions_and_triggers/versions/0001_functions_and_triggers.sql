-- revision: 0001_functions_and_triggers
-- revises: base
-- message: a trigger function that keeps updated_at, its trigger, a function and a procedure

-- +upgrade
CREATE TABLE documents (
    id BIGINT PRIMARY KEY,
    title TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE OR REPLACE FUNCTION set_updated_at() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();  -- a ';' inside the body never splits the statement
    RETURN NEW;
END;
$$;

CREATE TRIGGER documents_updated_at BEFORE UPDATE ON documents
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE FUNCTION title_length(t text, pad integer DEFAULT 0) RETURNS integer
    AS 'SELECT length(t) + pad' LANGUAGE sql IMMUTABLE STRICT;

CREATE PROCEDURE rename_document(doc bigint, new_title text) LANGUAGE plpgsql AS $body$
BEGIN
    UPDATE documents SET title = new_title WHERE id = doc;
END
$body$;

INSERT INTO documents (id, title) VALUES (1, 'draft');
CALL rename_document(1, 'final');
ALTER FUNCTION title_length(text, integer) RENAME TO title_size;
ALTER TABLE documents DISABLE TRIGGER documents_updated_at;
ALTER TABLE documents ENABLE TRIGGER ALL;
ALTER TRIGGER documents_updated_at ON documents RENAME TO documents_touch;

-- +downgrade
DROP TRIGGER documents_touch ON documents;
DROP PROCEDURE rename_document(bigint, text);
DROP FUNCTION IF EXISTS title_size(text, integer), set_updated_at();
DROP TABLE documents;

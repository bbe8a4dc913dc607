-- revision: 0003_constraints
-- revises: 0002_columns
-- message: constraints dropped by kind, IF [NOT] EXISTS, online index, a column dropped with its keys

-- +upgrade
ALTER TABLE child DROP CONSTRAINT child_parent_id_fkey;
ALTER TABLE child ADD CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent;
ALTER TABLE child DROP CONSTRAINT child_amount_check;
ALTER TABLE child ADD COLUMN IF NOT EXISTS note VARCHAR(20);
ALTER TABLE child DROP COLUMN b;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux_parent_code ON parent (code);
ALTER TABLE parent RENAME TO parents;
TRUNCATE child RESTART IDENTITY;

-- +downgrade
ALTER TABLE parents RENAME TO parent;
DROP INDEX CONCURRENTLY IF EXISTS ux_parent_code;
ALTER TABLE child ADD COLUMN b INTEGER;
ALTER TABLE child ADD CONSTRAINT child_aa_b_key UNIQUE (aa, b);
CREATE INDEX ix_child_ab ON child (aa, b);
ALTER TABLE child DROP COLUMN IF EXISTS note;
ALTER TABLE child ADD CONSTRAINT child_amount_check CHECK (amount >= 0);
ALTER TABLE child DROP CONSTRAINT fk_parent;
ALTER TABLE child ADD FOREIGN KEY (parent_id) REFERENCES parent ON DELETE CASCADE;

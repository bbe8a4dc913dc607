-- revision: 0002_index
-- revises: 0001_tables
-- message: an index InnoDB takes over for the foreign key; dropping it gives the key its own back

-- +upgrade
CREATE INDEX ix_children_parent_id ON children (parent_id, id);

-- +downgrade
DROP INDEX ix_children_parent_id;

-- revision: 0001_tables
-- revises: base
-- message: a foreign key without an index of its own

-- +upgrade
CREATE TABLE parents (id BIGINT PRIMARY KEY);
CREATE TABLE children (
    id BIGINT PRIMARY KEY,
    parent_id BIGINT NOT NULL,
    CONSTRAINT fk_children_parent FOREIGN KEY (parent_id) REFERENCES parents (id)
);

-- +downgrade
DROP TABLE children;
DROP TABLE parents;

-- revision: 0001_pg_dump_forms
-- revises: base
-- message: forms pg_dump and hand-written schemas use: COLLATE after NOT NULL, OPERATOR(=) in an exclusion, a parenthesized INSERT query

-- +upgrade
CREATE TABLE application (
    id character varying NOT NULL COLLATE pg_catalog."C",
    org_id character varying NOT NULL COLLATE "C",
    uid character varying COLLATE pg_catalog."C",
    verified_at timestamp with time zone
);
ALTER TABLE ONLY application
    ADD CONSTRAINT application_unique_verified_uid EXCLUDE USING btree (uid WITH OPERATOR(pg_catalog.=)) WHERE ((verified_at IS NOT NULL));
CREATE TABLE application_copy (id character varying, org_id character varying);
INSERT INTO application_copy (id, org_id) (
    SELECT id, org_id FROM application WHERE verified_at IS NOT NULL
);

-- +downgrade
DROP TABLE application_copy;
DROP TABLE application;

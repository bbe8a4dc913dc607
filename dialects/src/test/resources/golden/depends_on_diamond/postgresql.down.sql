\set ON_ERROR_STOP on
-- strata test: downgrade 0004_merge, 0005_audit -> base (postgresql)
-- from: 0004_merge, 0005_audit
-- to: base
-- version table: alembic_version
-- sources: sha256:7acc8406f11c9c2250ce2eeec9c8b0ce1eb773fd094f9c34ee0c3604cb326120 over 5 revision files

BEGIN;

-- Running downgrade 0004_merge -> 0002_ledger, 0003_billing, merge ledger and billing

ALTER TABLE invoices DROP paid;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0004_merge';

-- Running downgrade 0005_audit -> 0001_customers, a third branch, left unmerged

DROP TABLE invoice_audit;

UPDATE alembic_version SET version_num = '0003_billing' WHERE alembic_version.version_num = '0005_audit';

-- Running downgrade 0003_billing -> 0001_customers, billing branch, needs the ledger

DROP TABLE invoices;

UPDATE alembic_version SET version_num = '0002_ledger' WHERE alembic_version.version_num = '0003_billing';

-- Running downgrade 0002_ledger -> 0001_customers, ledger branch

DROP TABLE ledger.entries;

DROP SCHEMA ledger;

UPDATE alembic_version SET version_num = '0001_customers' WHERE alembic_version.version_num = '0002_ledger';

-- Running downgrade 0001_customers -> , customers, the branch point

DROP TABLE customers;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001_customers';

COMMIT;

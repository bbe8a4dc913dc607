-- revision: 0004_create_journal_lines
-- revises: 0003_create_transactions
-- message: create journal lines with a deferred balance check
-- strata:allow prefer-text-over-char direction is one letter (D or C) and currency an ISO 4217 code: fixed lengths, nothing is padded
-- +upgrade
CREATE TABLE journal_lines (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    direction CHAR(1) NOT NULL,
    amount NUMERIC(20,4) NOT NULL,
    currency CHAR(3) NOT NULL,
    memo TEXT,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT fk_journal_lines_transaction_id
        FOREIGN KEY (transaction_id) REFERENCES transactions (id) ON DELETE CASCADE,
    CONSTRAINT fk_journal_lines_account_id
        FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE RESTRICT,
    CONSTRAINT ck_journal_lines_direction CHECK (direction IN ('D', 'C')),
    CONSTRAINT ck_journal_lines_amount_positive CHECK (amount > 0)
);
CREATE INDEX ix_journal_lines_transaction_id ON journal_lines (transaction_id);

-- Debits must equal credits per transaction and currency, checked at commit so
-- that the lines of one transaction can be inserted one by one. Only PostgreSQL defers a
-- trigger to the commit; the other dialects go without the check.
-- +only postgresql
CREATE FUNCTION check_journal_balance() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    txn_id BIGINT;
    bad_currency CHAR(3);
    imbalance NUMERIC(20,4);
BEGIN
    IF TG_OP = 'DELETE' THEN
        txn_id := OLD.transaction_id;
    ELSE
        txn_id := NEW.transaction_id;
    END IF;
    SELECT currency, SUM(CASE WHEN direction = 'D' THEN amount ELSE -amount END)
      INTO bad_currency, imbalance
      FROM journal_lines
     WHERE transaction_id = txn_id
     GROUP BY currency
    HAVING SUM(CASE WHEN direction = 'D' THEN amount ELSE -amount END) <> 0
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'transaction % is unbalanced in %: debits - credits = %',
            txn_id, bad_currency, imbalance
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END;
$$;

-- +only postgresql
CREATE CONSTRAINT TRIGGER trg_journal_lines_balanced
    AFTER INSERT OR UPDATE OR DELETE ON journal_lines
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION check_journal_balance();

-- +downgrade
-- +only postgresql
DROP TRIGGER trg_journal_lines_balanced ON journal_lines;
-- +only postgresql
DROP FUNCTION check_journal_balance();
DROP INDEX ix_journal_lines_transaction_id;
DROP TABLE journal_lines;

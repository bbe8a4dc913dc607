-- revision: 0001_ledger
-- revises: base
-- message: comments and dollar quotes, in dialect blocks and out

-- +upgrade
/* a block comment before the first statement /* nested */ belongs to no statement */
CREATE TABLE ledger (
    id BIGINT PRIMARY KEY, -- the key
    amount NUMERIC(12, 2) /* in the account's currency; not negative */ NOT NULL DEFAULT 0,
    memo TEXT DEFAULT $$it's; -- not a comment$$
);

INSERT INTO ledger (id, amount, memo) VALUES (1, 5, $q$a $$ inside; /* not a comment */$q$), -- first row
    (2, 7, 'two
lines');

-- +dialect postgresql
-- a comment line opens the block
CREATE FUNCTION ledger_total() RETURNS numeric
LANGUAGE sql STABLE AS $body$
  -- a ; inside a tagged dollar quote
  SELECT coalesce(sum(amount), 0) FROM ledger /* ; */
$body$;

/* a block comment
   over two lines; with a semicolon */
CREATE FUNCTION ledger_guard() RETURNS trigger AS $$
BEGIN
  IF NEW.amount < 0 THEN
    RAISE EXCEPTION 'negative amount: %', NEW.amount; -- '$body$' is no tag here
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER ledger_guard BEFORE INSERT OR UPDATE ON ledger
  FOR EACH ROW EXECUTE FUNCTION ledger_guard();

COMMENT ON TABLE ledger IS 'it''s the ledger; -- not a comment
second line';
-- a comment line closes the block
-- +end

-- +dialect mysql
-- skipped for postgresql, comments and all
CREATE TRIGGER ledger_guard BEFORE INSERT ON ledger FOR EACH ROW SET NEW.amount = GREATEST(NEW.amount, 0); # mysql comment
-- +end

-- +downgrade
-- +dialect postgresql
DROP TRIGGER ledger_guard ON ledger; -- the trigger first
DROP FUNCTION ledger_guard();
DROP FUNCTION ledger_total();
-- +end

DROP TABLE ledger; -- then the table

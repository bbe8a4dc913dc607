-- revision: 0006_data
-- revises: 0005_indexes
-- message: schemas: and data (with a colon in the message)

-- +upgrade
CREATE SCHEMA ledger;
CREATE SCHEMA IF NOT EXISTS audit;
INSERT INTO ledger.currencies (code, name) VALUES ('EUR', 'Euro'), ('USD', 'US dollar; the green one');
INSERT INTO ledger.currencies VALUES ('GBP', concat('Pound', ' ', 'sterling'));
INSERT INTO audit.copies (id, payload) SELECT id, to_jsonb(p) FROM payments p JOIN users u ON u.id = p.user_id WHERE p.amount > 0 ON CONFLICT DO NOTHING;
INSERT INTO flags (name) VALUES ('a') ON CONFLICT DO NOTHING;
UPDATE users SET status = 'active', score = coalesce(score, 0) + 1 WHERE status IS NULL;
UPDATE ledger.currencies SET name = upper(name);
DELETE FROM sessions WHERE expires_at < now() - INTERVAL '30 days';
DELETE FROM tmp;

-- +downgrade
DROP SCHEMA IF EXISTS audit CASCADE;
DROP SCHEMA ledger;

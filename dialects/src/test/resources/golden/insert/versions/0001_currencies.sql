-- revision: 0001_currencies
-- revises: base
-- message: currencies

-- +upgrade
CREATE TABLE currencies (
    code CHAR(3) PRIMARY KEY,
    name TEXT NOT NULL,
    meta JSONB DEFAULT '{}'::jsonb
);

INSERT INTO currencies (code, name) VALUES ('EUR', 'Euro'), ('USD', 'US dollar?');
INSERT INTO currencies VALUES ('JPY', 'Yen', '{"minor": 0}'::jsonb);
INSERT INTO currencies (code, name, meta)
    SELECT 'XTS', 'test {0} ?', '{}'::jsonb WHERE '{"a": 1}'::jsonb ? 'a'
    ON CONFLICT DO NOTHING;
INSERT INTO currencies (code, name) VALUES ('EUR', 'again') ON CONFLICT DO NOTHING;
INSERT INTO currencies SELECT 'GBP', 'Pound', NULL;

-- +downgrade
DELETE FROM currencies WHERE code IN ('EUR', 'USD', 'JPY', 'XTS', 'GBP');
DROP TABLE currencies;

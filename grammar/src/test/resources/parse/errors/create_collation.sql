-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
CREATE COLLATION german (provider = icu, locale = 'de-DE');

-- revision: 0002_change_types
-- revises: 0001_more_types
-- message: columns of the new types added and changed

-- +upgrade
ALTER TABLE hosts ADD COLUMN gateway INET, ALTER COLUMN addr TYPE CIDR USING set_masklen(addr, 32)::cidr;
ALTER TABLE measurements ALTER COLUMN f4 TYPE FLOAT8, ALTER COLUMN b3 TYPE BIT VARYING(8);

-- +downgrade
ALTER TABLE measurements ALTER COLUMN b3 TYPE BIT(3) USING b3::bit(3), ALTER COLUMN f4 TYPE FLOAT4;
ALTER TABLE hosts ALTER COLUMN addr TYPE INET USING addr::inet, DROP COLUMN gateway;

CREATE TYPE version_type AS ENUM ('release', 'prerelease', 'pseudo');
ALTER TABLE packages ADD COLUMN version_type version_type;

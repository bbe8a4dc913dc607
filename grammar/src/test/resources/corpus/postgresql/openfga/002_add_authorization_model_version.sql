ALTER TABLE authorization_model ADD COLUMN schema_version INT DEFAULT 1;

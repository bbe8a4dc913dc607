\set ON_ERROR_STOP on
-- strata test: upgrade 0002_b, 0003_c -> 0002_b, 0003_c (postgresql)
-- from: 0002_b, 0003_c
-- to: 0002_b, 0003_c
-- version table: alembic_version
-- sources: sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 over 0 revision files

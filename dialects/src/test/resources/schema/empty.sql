\set ON_ERROR_STOP on
-- strata schema base

BEGIN;

COMMIT;

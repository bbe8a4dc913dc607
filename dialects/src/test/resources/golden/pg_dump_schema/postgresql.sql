\set ON_ERROR_STOP on
\encoding UTF8
-- strata test: upgrade base -> 0001_initial_schema (postgresql)
-- from: base
-- to: 0001_initial_schema
-- version table: alembic_version
-- sources: sha256:354e22b5c9cbb5778e0729adec3b1f681fc0b71242879b70c5d032b82aacddbe over 1 revision file

DO $strata$
DECLARE
    holder text;
BEGIN
    IF NOT pg_try_advisory_lock(4896247922164608825) THEN
        SELECT string_agg(pid::text, ', ' ORDER BY pid) INTO holder FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND objsubid = 1
                AND classid::bigint = 1139996555 AND objid::bigint = 886943545
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database());
        RAISE EXCEPTION 'strata: another strata script is running on this database: the advisory lock 4896247922164608825 of alembic_version is held by the session with pid %',
            coalesce(holder, 'unknown')
            USING HINT = 'wait until that script has finished, then run this one again';
    END IF;
END
$strata$;

DO $strata$
DECLARE
    expected text[] := '{}'::text[];
    actual text[] := '{}';
BEGIN
    IF to_regclass('alembic_version') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(version_num::text ORDER BY version_num COLLATE "C"), ''{}'') FROM alembic_version'
            INTO actual;
    END IF;
    IF NOT (actual @> expected AND actual <@ expected) THEN
        RAISE EXCEPTION 'strata: alembic_version holds % but this script starts from [base]',
            '[' || coalesce(nullif(array_to_string(actual, ', '), ''), 'base') || ']';
    END IF;
END
$strata$;

BEGIN;

CREATE TABLE IF NOT EXISTS alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_initial_schema, initial schema as pg_dump --schema-only writes it (source: the pg_dump-based first migration of a Rails-style history)

CREATE TABLE public.users (
    id bigint NOT NULL,
    email varchar(255) NOT NULL,
    created_at timestamp with time zone NOT NULL DEFAULT now()
);

CREATE TABLE public.orders (
    id bigint NOT NULL,
    user_id bigint NOT NULL,
    total numeric(12, 2) NOT NULL DEFAULT 0,
    status text NOT NULL DEFAULT 'new'::text
);

CREATE TABLE public.order_items (
    order_id bigint NOT NULL,
    line int NOT NULL,
    sku text NOT NULL
);

ALTER TABLE ONLY public.users ADD CONSTRAINT users_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.users ADD CONSTRAINT users_email_key UNIQUE (email);

ALTER TABLE ONLY public.orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.order_items ADD CONSTRAINT order_items_pkey PRIMARY KEY (order_id, line);

CREATE INDEX index_orders_on_user_id ON public.orders USING btree (user_id);

CREATE INDEX index_users_on_lower_email ON public.users USING btree ((lower((email)::text)));

CREATE INDEX index_order_items_on_sku ON public.order_items USING btree (sku text_pattern_ops);

ALTER TABLE ONLY public.orders ADD CONSTRAINT fk_rails_orders_users FOREIGN KEY (user_id) REFERENCES public.users (id) ON DELETE CASCADE;

ALTER TABLE ONLY public.order_items ADD CONSTRAINT fk_rails_order_items_orders FOREIGN KEY (order_id) REFERENCES public.orders (id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE IF EXISTS ONLY public.orders ALTER status SET DEFAULT 'pending'::text;

INSERT INTO alembic_version (version_num) VALUES ('0001_initial_schema');

COMMIT;

DO $strata$
BEGIN
    PERFORM pg_advisory_unlock(4896247922164608825);
END
$strata$;

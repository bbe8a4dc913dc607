-- revision: 0001_initial_schema
-- revises: base
-- message: initial schema as pg_dump --schema-only writes it (source: the pg_dump-based first migration of a Rails-style history)

-- +upgrade
CREATE TABLE public.users (
    id bigint NOT NULL,
    email character varying(255) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.orders (
    id bigint NOT NULL,
    user_id bigint NOT NULL,
    total numeric(12,2) DEFAULT 0 NOT NULL,
    status text DEFAULT 'new'::text NOT NULL
);

CREATE TABLE public.order_items (
    order_id bigint NOT NULL,
    line integer NOT NULL,
    sku text NOT NULL
);

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_email_key UNIQUE (email);

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.order_items
    ADD CONSTRAINT order_items_pkey PRIMARY KEY (order_id, line);

CREATE INDEX index_orders_on_user_id ON public.orders USING btree (user_id);

CREATE INDEX index_users_on_lower_email ON public.users USING btree (lower((email)::text));

CREATE INDEX index_order_items_on_sku ON public.order_items USING btree (sku text_pattern_ops);

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT fk_rails_orders_users FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.order_items
    ADD CONSTRAINT fk_rails_order_items_orders FOREIGN KEY (order_id) REFERENCES public.orders(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE IF EXISTS ONLY public.orders ALTER COLUMN status SET DEFAULT 'pending'::text;

-- +downgrade
DROP TABLE public.order_items, public.orders, public.users;

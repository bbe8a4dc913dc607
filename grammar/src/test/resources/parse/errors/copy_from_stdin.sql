-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
COPY public.users (id, email) FROM stdin;
1	alice@example.com
\.

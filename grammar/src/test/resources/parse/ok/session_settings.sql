-- revision: 0001_settings
-- revises: base
-- message: session settings, as pg_dump and real histories write them

-- +upgrade
SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;
SET default_tablespace = '';
SET default_table_access_method = heap;
SET LOCAL lock_timeout = '5s';
SET SESSION statement_timeout TO '15min';
SET search_path TO app, public, "$user";
SET TIME ZONE 'UTC';
SET TIME ZONE LOCAL;
SET work_mem TO DEFAULT;
SET myapp.Tenant = 'acme';
RESET lock_timeout;
RESET TIME ZONE;
CREATE TABLE t (id INT);

-- +downgrade
DROP TABLE t;

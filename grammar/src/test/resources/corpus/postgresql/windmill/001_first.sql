-- Add migration script here
create SCHEMA IF NOT exists extensions;
create extension if not exists "uuid-ossp"      with schema extensions;

DO
$do$
BEGIN
    IF EXISTS (
        select usesuper from pg_user where usename = CURRENT_USER AND usesuper = 't')
    AND NOT EXISTS (
        SELECT
        FROM   pg_catalog.pg_roles
        WHERE  rolname = 'windmill_user') THEN

        LOCK TABLE pg_catalog.pg_roles;

        CREATE ROLE windmill_user;

        GRANT ALL
        ON ALL TABLES IN SCHEMA public
        TO windmill_user;

        ALTER DEFAULT PRIVILEGES
            FOR ROLE windmill_user
            IN SCHEMA public
            GRANT ALL ON TABLES TO windmill_user;
    END IF;
END
$do$;

CREATE TABLE workspace (
    id VARCHAR(50) PRIMARY KEY,
    name VARCHAR(50) NOT NULL,
    owner VARCHAR(50) NOT NULL,
    domain VARCHAR(30),
    deleted BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT proper_id CHECK (id ~ '^\w+(-\w+)*$')
);

INSERT INTO workspace(id, name, owner) VALUES
	('starter', 'Starter', 'admin@windmill.dev'),
	('demo', 'Demo', 'admin@windmill.dev');

CREATE TABLE script (
    workspace_id VARCHAR(50) NOT NULL REFERENCES workspace(id),
	hash BIGINT NOT NULL,
	path varchar(255) NOT NULL,
	parent_hashes BIGINT[],
	summary TEXT NOT NULL,
	description TEXT NOT NULL,
    content TEXT NOT NULL,
	created_by VARCHAR(50) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
	archived BOOLEAN NOT NULL DEFAULT false,
	schema JSONB,
	deleted BOOLEAN NOT NULL DEFAULT false,
	is_template boolean DEFAULT false,
    PRIMARY KEY (workspace_id, hash),
    CONSTRAINT proper_id CHECK (path ~ '^[ug](\/[\w-]+){2,}$')
);

CREATE TABLE flow (
    workspace_id VARCHAR(50) NOT NULL REFERENCES workspace(id),
	path varchar(255) NOT NULL,
	summary TEXT NOT NULL,
	description TEXT NOT NULL,
    value JSONB NOT NULL,
	edited_by VARCHAR(50) NOT NULL,
	edited_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
	archived BOOLEAN NOT NULL DEFAULT false,
	schema JSONB,
    PRIMARY KEY (workspace_id, path),
    CONSTRAINT proper_id CHECK (path ~ '^[ug](\/[\w-]+){2,}$')
);

INSERT INTO script(workspace_id, created_by, content, schema, summary, description, path, hash) VALUES (
'starter',
'system', 'import os

def main(name: str = "Nicolas Bourbaki"):
	print(f"Hello World and a warm welcome especially to {name}");
	return {"len": len(name), "splitted": name.split() }',
'{
	"$schema": "https://json-schema.org/draft/2020-12/schema",
	"properties": {},
	"required": [],
	"type": "object"
}',
'Hello World',  '', 'u/bot/hello_world',  44);

CREATE INDEX index_script_on_path_created_at ON script (path, created_at);

CREATE TYPE JOB_KIND AS ENUM ('script', 'preview', 'flow', 'dependencies');

CREATE TABLE queue (
  id UUID PRIMARY KEY,
  workspace_id VARCHAR(50) NOT NULL REFERENCES workspace(id),
  parent_job UUID,
  created_by VARCHAR(50) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  started_at TIMESTAMP WITH TIME ZONE,
  scheduled_for TIMESTAMP WITH TIME ZONE NOT NULL,
  running BOOLEAN NOT NULL DEFAULT FALSE,
  script_hash BIGINT,
  script_path VARCHAR(255),
  args JSONB,
  logs TEXT,
  raw_code TEXT,
  canceled boolean NOT NULL DEFAULT false,
  canceled_by VARCHAR(50),
  canceled_reason TEXT,
  last_ping TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  job_kind JOB_KIND NOT NULL DEFAULT 'script',
  env_id INTEGER,
  schedule_path VARCHAR(255),
  permissioned_as VARCHAR(55) NOT NULL DEFAULT 'g/all',
  flow_status JSONB
);

CREATE INDEX index_queue_on_workspace_id ON queue (workspace_id);
CREATE INDEX index_queue_on_scheduled_for ON queue (scheduled_for);
CREATE INDEX index_queue_on_running ON queue (running);
CREATE INDEX index_queue_on_created ON queue (created_at);
CREATE INDEX index_queue_on_script_path ON queue (script_path);
CREATE INDEX index_queue_on_script_hash ON queue (script_hash);

CREATE TABLE completed_job (
  id UUID PRIMARY KEY,
  workspace_id VARCHAR(50) NOT NULL REFERENCES workspace(id),
  parent_job UUID,
  created_by VARCHAR(50) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  duration INT NOT NULL,
  success BOOLEAN NOT NULL,
  script_hash BIGINT,
  script_path VARCHAR(255),
  args JSONB,
  result JSONB,
  logs TEXT,
  deleted BOOLEAN NOT NULL DEFAULT false,
  raw_code TEXT,
  canceled boolean NOT NULL DEFAULT false,
  canceled_by VARCHAR(50),
  canceled_reason TEXT,
  job_kind JOB_KIND NOT NULL DEFAULT 'script',
  env_id INTEGER NOT NULL DEFAULT 0,
  schedule_path varchar(255),
  permissioned_as VARCHAR(55) NOT NULL DEFAULT 'g/all',
  flow_status JSONB
);

CREATE INDEX index_completed_on_workspace_id ON completed_job (workspace_id);
CREATE INDEX index_completed_on_created ON completed_job (created_at);
CREATE INDEX index_completed_on_script_path ON completed_job (script_path);
CREATE INDEX index_completed_on_script_hash ON completed_job (script_hash);

CREATE TABLE usr (
    workspace_id VARCHAR(50) NOT NULL REFERENCES workspace(id),
    username VARCHAR(50) NOT NULL,
    email VARCHAR(50) NOT NULL,
    is_admin BOOLEAN NOT NULL DEFAULT false,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    operator BOOLEAN NOT NULL DEFAULT false,
    disabled BOOLEAN NOT NULL DEFAULT false,
    role VARCHAR(50),
    PRIMARY KEY (workspace_id, username),
	CONSTRAINT proper_username CHECK (username ~ '^[\w-]+$'),
	CONSTRAINT proper_email CHECK (email ~ '^[a-z0-9!#$%&''*+/=?^_`{|}~-]+@[a-z0-9.-]+$')
);

CREATE INDEX index_usr_email ON usr (email);

CREATE TYPE LOGIN_TYPE AS ENUM ('password', 'github');

CREATE TABLE password (
    email VARCHAR(50) PRIMARY KEY,
    password_hash VARCHAR(100),
    login_type LOGIN_TYPE NOT NULL,
    super_admin BOOLEAN NOT NULL DEFAULT FALSE,
    verified BOOLEAN NOT NULL DEFAULT FALSE,
    name VARCHAR(30),
    company VARCHAR(30)
);

CREATE TABLE workspace_settings (
    workspace_id VARCHAR(50) PRIMARY KEY REFERENCES workspace(id),
    slack_team_id VARCHAR(50) UNIQUE,
    slack_name VARCHAR(50),
    slack_command_script VARCHAR(255)
);

INSERT INTO workspace_settings (workspace_id) VALUES
	('starter'),
	('demo');

CREATE TABLE magic_link (
    email VARCHAR(50) NOT NULL,
    token VARCHAR(100) NOT NULL,
    expiration TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT (NOW() + interval '1 day'),
    PRIMARY KEY (email, token)
);

CREATE TABLE token (
    token VARCHAR(50) PRIMARY KEY,
    label VARCHAR(50),
    expiration TIMESTAMP WITH TIME ZONE,
    workspace_id VARCHAR(50) REFERENCES workspace(id),
	owner VARCHAR(55),
	email VARCHAR(50),
    super_admin BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    last_used_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW()
);

CREATE INDEX index_magic_link_exp ON magic_link (expiration);
CREATE INDEX index_token_exp ON token (expiration);

INSERT INTO usr(workspace_id, email, username, is_admin, role) VALUES
	('starter', 'admin@windmill.dev', 'admin', true, 'Admin'),
	('demo', 'admin@windmill.dev', 'admin', true, 'Ruben');

CREATE TABLE variable (
    workspace_id VARCHAR(50) NOT NULL REFERENCES workspace(id),
    path VARCHAR(255),
    value VARCHAR(4012) NOT NULL,
    is_secret BOOLEAN NOT NULL DEFAULT FALSE,
    description VARCHAR(255) NOT NULL DEFAULT '',
    PRIMARY KEY (workspace_id, path),
    CONSTRAINT proper_id CHECK (path ~ '^[ug](\/[\w-]+){2,}$')
);

CREATE TYPE ACTION_KIND AS ENUM ('create', 'update', 'delete', 'execute');

CREATE TABLE audit (
    workspace_id VARCHAR(50) NOT NULL,
    id SERIAL,
	timestamp TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    username VARCHAR(50) NOT NULL,
    operation VARCHAR(50) NOT NULL,
    action_kind ACTION_KIND NOT NULL,
    resource VARCHAR(255),
    parameters JSONB,
    PRIMARY KEY (workspace_id, id)
);

CREATE TABLE resource_type (
    workspace_id VARCHAR(50) NOT NULL REFERENCES workspace(id),
    name VARCHAR(50),
    schema JSONB,
    description TEXT,
    PRIMARY KEY (workspace_id, name),
	CONSTRAINT proper_name CHECK (name ~ '^[\w-]+$')
);

CREATE TABLE pipenv (
    id SERIAL PRIMARY KEY,
	timestamp TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    created_by VARCHAR(50) NOT NULL,
    python_version VARCHAR(20),
    dependencies VARCHAR(255)[] NOT NULL DEFAULT array[]::varchar[],
    pipfile_lock TEXT,
	job_id UUID
);

CREATE TABLE schedule(
    workspace_id VARCHAR(50) NOT NULL REFERENCES workspace(id),
    path varchar(255),
    edited_by varchar(255) NOT NULL,
	edited_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    schedule VARCHAR(255) NOT NULL,
    offset_ INTEGER NOT NULL,
    enabled BOOLEAN NOT NULL DEFAULT true,
    script_path varchar(255),
    script_hash BIGINT,
    args JSONB,
    PRIMARY KEY (workspace_id, path),
	CONSTRAINT proper_id CHECK (path ~ '^[ug](\/[\w-]+){2,}$')
);

CREATE TABLE group_ (
    workspace_id VARCHAR(50) NOT NULL REFERENCES workspace(id),
    name VARCHAR(50),
    summary TEXT,
    PRIMARY KEY (workspace_id, name),
	CONSTRAINT proper_name CHECK (name ~ '^[\w-]+$')
);

CREATE TABLE usr_to_group(
    workspace_id VARCHAR(50) NOT NULL REFERENCES workspace(id),
    group_ VARCHAR(50) NOT NULL,
	usr VARCHAR(50) NOT NULL DEFAULT 'ruben',
    CONSTRAINT fk_group FOREIGN KEY(workspace_id, group_) REFERENCES group_(workspace_id, name),
    PRIMARY KEY (workspace_id, usr, group_)
);

INSERT INTO group_ SELECT id, 'all', 'The group that always contains all users of this workspace' FROM workspace;

CREATE TABLE worker_ping(
    worker VARCHAR(50) PRIMARY KEY,
    worker_instance VARCHAR(50) NOT NULL,
    ping_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    started_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    env_id INTEGER NOT NULL DEFAULT -1,
    ip VARCHAR(50) NOT NULL DEFAULT 'NO IP',
    jobs_executed INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX worker_ping_on_ping_at ON worker_ping (ping_at);

ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_log_see_own ON audit FOR SELECT
USING(audit.username = current_setting('session.user') or current_setting('session.is_admin')::boolean);

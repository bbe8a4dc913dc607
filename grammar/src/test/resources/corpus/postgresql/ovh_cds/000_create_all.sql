CREATE OR REPLACE FUNCTION create_index(table_name text, index_name text, column_name text) RETURNS void AS $$
declare
   l_count integer;
begin
  select count(*)
     into l_count
  from pg_indexes
  where schemaname = 'public'
    and tablename = lower(table_name)
    and indexname = lower(index_name);

  if l_count = 0 then
     execute 'create index ' || index_name || ' on "' || table_name || '"(' || column_name || ')';
  end if;
end;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION create_unique_index(table_name text, index_name text, column_names text) RETURNS void AS $$
declare
   l_count integer;
begin
  select count(*)
     into l_count
  from pg_indexes
  where schemaname = 'public'
    and tablename = lower(table_name)
    and indexname = lower(index_name);

  if l_count = 0 then
     execute 'create unique index ' || index_name || ' on "' || table_name || '"(' || array_to_string(string_to_array(column_names, ',') , ',') || ')';
  end if;
end;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION create_foreign_key(fk_name text, table_name_child text, table_name_parent text, column_name_child text, column_name_parent text) RETURNS void AS $$
declare
   l_count integer;
begin
  select count(*)
     into l_count
  from information_schema.table_constraints as tc
  where constraint_type = 'FOREIGN KEY'
    and tc.table_name = lower(table_name_child)
    and tc.constraint_name = lower(fk_name);

  if l_count = 0 then
     execute 'alter table "' || table_name_child || '" ADD CONSTRAINT ' || fk_name || ' FOREIGN KEY(' || column_name_child || ') REFERENCES "' || table_name_parent || '"(' || column_name_parent || ')';
  end if;
end;
$$ LANGUAGE plpgsql;

CREATE TABLE IF NOT EXISTS "action" (id BIGSERIAL PRIMARY KEY, name TEXT, type TEXT, description TEXT, enabled BOOLEAN, public BOOLEAN, last_modified TIMESTAMP WITH TIME ZONE DEFAULT  LOCALTIMESTAMP);
CREATE TABLE IF NOT EXISTS "action_requirement" (id BIGSERIAL PRIMARY KEY, action_id BIGINT, name TEXT, type TEXT, value TEXT);
CREATE TABLE IF NOT EXISTS "action_edge" (id BIGSERIAL PRIMARY KEY, parent_id BIGINT, child_id BIGINT, exec_order INT, final boolean not null default false, enabled boolean not null default true);
CREATE TABLE IF NOT EXISTS "action_parameter" (id BIGSERIAL PRIMARY KEY, action_id BIGINT, name TEXT, type TEXT, value TEXT, description TEXT, worker_model_name TEXT);
CREATE TABLE IF NOT EXISTS "action_build" (id BIGSERIAL PRIMARY KEY, pipeline_action_id INT, args TEXT, status TEXT, pipeline_build_id INT, queued TIMESTAMP WITH TIME ZONE, start TIMESTAMP WITH TIME ZONE, done TIMESTAMP WITH TIME ZONE, worker_model_name TEXT);
CREATE TABLE IF NOT EXISTS "action_audit" (action_id BIGINT, user_id BIGINT, change TEXT, versionned TIMESTAMP WITH TIME ZONE, action_json JSONB);

CREATE TABLE IF NOT EXISTS "artifact" (id BIGSERIAL PRIMARY KEY, name TEXT, tag TEXT, pipeline_id INT, application_id INT, environment_id INT, build_number INT, download_hash TEXT, size BIGINT, perm INT, md5sum TEXT, object_path TEXT, created TIMESTAMP WITH TIME ZONE DEFAULT LOCALTIMESTAMP);

CREATE TABLE IF NOT EXISTS "activity" (day DATE, project_id BIGINT, application_id BIGINT, build BIGINT, unit_test BIGINT, testing BIGINT, deployment BIGINT, PRIMARY KEY(day, project_id, application_id));

CREATE TABLE IF NOT EXISTS "application" (id BIGSERIAL PRIMARY KEY, name TEXT, project_id INT, description TEXT, repo_fullname TEXT, repositories_manager_id BIGINT, last_modified TIMESTAMP WITH TIME ZONE DEFAULT  LOCALTIMESTAMP);
CREATE TABLE IF NOT EXISTS "application_group" (application_id INT, group_id INT, role INT, PRIMARY KEY(group_id, application_id));
CREATE TABLE IF NOT EXISTS "application_variable" (id BIGSERIAL, application_id INT, var_name TEXT, var_value TEXT, cipher_value BYTEA, var_type TEXT,PRIMARY KEY(application_id, var_name) );
CREATE TABLE IF NOT EXISTS "application_pipeline_notif" (application_pipeline_id BIGINT, environment_id BIGINT, settings JSONB);

CREATE TABLE IF NOT EXISTS "build_log" (id BIGSERIAL PRIMARY KEY, action_build_id INT, "timestamp" TIMESTAMP WITH TIME ZONE, step TEXT, value TEXT);

CREATE TABLE IF NOT EXISTS "environment" (id BIGSERIAL PRIMARY KEY, name TEXT, project_id INT, created TIMESTAMP WITH TIME ZONE DEFAULT LOCALTIMESTAMP, last_modified TIMESTAMP WITH TIME ZONE DEFAULT LOCALTIMESTAMP);
CREATE TABLE IF NOT EXISTS "environment_variable" (id BIGSERIAL, environment_id INT, name TEXT, value TEXT, cipher_value BYTEA, type TEXT,description TEXT, PRIMARY KEY(environment_id, name) );
CREATE TABLE IF NOT EXISTS "environment_group" (id BIGSERIAL, environment_id INT, group_id INT, role INT, PRIMARY KEY(group_id, environment_id));

CREATE TABLE IF NOT EXISTS "group" (id BIGSERIAL PRIMARY KEY, name TEXT);
CREATE TABLE IF NOT EXISTS "group_user" (id BIGSERIAL, group_id INT, user_id INT, group_admin BOOL, PRIMARY KEY(group_id, user_id));

CREATE TABLE IF NOT EXISTS "hatchery" (id BIGSERIAL PRIMARY KEY, name TEXT, last_beat TIMESTAMP WITH TIME ZONE, uid TEXT, group_id INT, status TEXT);
CREATE TABLE IF NOT EXISTS "hook" (id BIGSERIAL PRIMARY KEY, pipeline_id BIGINT, application_id INT,  kind TEXT, host TEXT, project TEXT, repository TEXT, uid TEXT, enabled BOOL);

CREATE TABLE IF NOT EXISTS "pipeline" (id BIGSERIAL PRIMARY KEY, name TEXT, project_id INT, type TEXT, created TIMESTAMP WITH TIME ZONE DEFAULT LOCALTIMESTAMP, last_modified TIMESTAMP WITH TIME ZONE DEFAULT  LOCALTIMESTAMP);
CREATE TABLE IF NOT EXISTS "pipeline_build" (id BIGSERIAL PRIMARY KEY, environment_id INT, application_id INT, pipeline_id INT, build_number INT, version BIGINT, status TEXT, args TEXT, start TIMESTAMP WITH TIME ZONE, done TIMESTAMP WITH TIME ZONE, manual_trigger BOOLEAN, triggered_by BIGINT, parent_pipeline_build_id BIGINT, vcs_changes_branch TEXT, scheduled_trigger BOOLEAN default FALSE);
CREATE TABLE IF NOT EXISTS "pipeline_history" (pipeline_build_id BIGINT, pipeline_id INT, application_id INT, environment_id INT, build_number INT, version BIGINT, status TEXT, start TIMESTAMP WITH TIME ZONE, done TIMESTAMP WITH TIME ZONE, data json, manual_trigger BOOLEAN, PRIMARY KEY(pipeline_id, application_id, build_number, environment_id));
CREATE TABLE IF NOT EXISTS "pipeline_stage" (id BIGSERIAL PRIMARY KEY, pipeline_id INT, name TEXT, build_order INT, enabled BOOLEAN, last_modified TIMESTAMP WITH TIME ZONE DEFAULT  LOCALTIMESTAMP);
CREATE TABLE IF NOT EXISTS "pipeline_parameter" (id BIGSERIAL, pipeline_id INT, name TEXT, value TEXT, type TEXT,description TEXT, PRIMARY KEY(pipeline_id, name));

CREATE TABLE IF NOT EXISTS "pipeline_scheduler" (id BIGSERIAL PRIMARY KEY, application_id BIGINT NOT NULL, pipeline_id BIGINT NOT NULL, environment_id BIGINT NOT NULL, args JSONB, crontab TEXT NOT NULL, disable BOOLEAN DEFAULT FALSE);

CREATE TABLE IF NOT EXISTS "project" (id BIGSERIAL PRIMARY KEY, projectKey TEXT , name TEXT, created TIMESTAMP WITH TIME ZONE DEFAULT LOCALTIMESTAMP, last_modified TIMESTAMP WITH TIME ZONE DEFAULT  LOCALTIMESTAMP);
CREATE TABLE IF NOT EXISTS "project_variable" (id BIGSERIAL, project_id INT, var_name TEXT, var_value TEXT, cipher_value BYTEA, var_type TEXT,PRIMARY KEY(project_id, var_name));

CREATE TABLE IF NOT EXISTS "repositories_manager" (id BIGSERIAL PRIMARY KEY , type TEXT, name TEXT UNIQUE, url TEXT UNIQUE, data JSONB );

CREATE TABLE IF NOT EXISTS "stats" (day DATE PRIMARY KEY, build BIGINT, unit_test BIGINT, testing BIGINT, deployment BIGINT, max_building_worker BIGINT, max_building_pipeline BIGINT);

CREATE TABLE IF NOT EXISTS "user" (id BIGSERIAL PRIMARY KEY, username TEXT, admin BOOL, data TEXT, auth TEXT, created TIMESTAMP WITH TIME ZONE, origin TEXT);
CREATE TABLE IF NOT EXISTS "user_key" (user_id INT, user_key TEXT, expiry INT DEFAULT 0);

CREATE TABLE IF NOT EXISTS "worker" (id TEXT PRIMARY KEY, name TEXT, last_beat TIMESTAMP WITH TIME ZONE, owner_id INT, group_id INT, model INT, status TEXT, action_build_id BIGINT, hatchery_id BIGINT DEFAULT 0);
CREATE TABLE IF NOT EXISTS "worker_model" (id BIGSERIAL PRIMARY KEY, type TEXT, name TEXT, image TEXT, created_by JSONB, GROUP_ID BIGINT, OWNER_ID BIGINT);

-- ACTION REQUIREMENT
select create_index('action_requirement', 'IDX_ACTION_REQUIREMENT_ACTION_ID', 'action_id');

-- ACTION_EDGE
select create_index('action_edge', 'IDX_ACTION_EDGE_PARENT_ID', 'parent_id');
select create_index('action_edge', 'IDX_ACTION_EDGE_CHILD_ID', 'child_id');

-- ACTION PARAMETER
select create_unique_index('action_parameter', 'IDX_ACTION_PARAMETER_ACTION_ID', 'action_id,name');

-- ACTION BUILD
select create_index('action_build', 'IDX_ACTION_BUILD_PIPELINE_BUILD_ID', 'pipeline_build_id');
select create_unique_index('action_build', 'IDX_ACTION_BUILD_PIPELINE_ACTION_ID_BUILD_ID', 'pipeline_build_id,pipeline_action_id');

-- APPLICATION
select create_unique_index('application', 'IDX_APPLICATION_PROJECT_ID_NAME', 'project_id,name');

-- ENVIRONMENT
select create_unique_index('environment','IDX_ENVIRONMENT', 'name,project_id');

-- GROUP
select create_unique_index('group', 'IDX_GROUP_NAME', 'name');

-- PIPELINE
select create_unique_index('pipeline','IDX_PIPELINE_NAME','name,project_id');
select create_index('pipeline','IDX_PIPELINE_PROJECT_ID','project_id');

-- ACTION BUILD
select create_foreign_key('FK_ACTION_BUILD_PIPELINE_ACTION', 'action_build', 'pipeline_action', 'pipeline_action_id', 'id');
select create_foreign_key('FK_ACTION_BUILD_PIPELINE_BUILD', 'action_build', 'pipeline_build', 'pipeline_build_id', 'id');

-- ACTION EDGE
select create_foreign_key('FK_ACTION_EDGE_PARENT_ACTION', 'action_edge', 'action', 'parent_id', 'id');
select create_foreign_key('FK_ACTION_EDGE_CHILD_ACTION', 'action_edge', 'action', 'child_id', 'id');

-- APPLICATION
select create_foreign_key('FK_APPLICATION_PROJECT', 'application', 'project', 'project_id', 'id');

-- warning
ALTER TABLE warning ADD CONSTRAINT fk_application FOREIGN KEY (app_id) references application (id) ON delete cascade;
ALTER TABLE warning ADD CONSTRAINT fk_pipeline FOREIGN KEY (pip_id) references pipeline (id) ON delete cascade;
ALTER TABLE warning ADD CONSTRAINT fk_environment FOREIGN KEY (env_id) references environment (id) ON delete cascade;
ALTER TABLE warning ADD CONSTRAINT fk_action FOREIGN KEY (action_id) references action (id) ON delete cascade;

-- AUDIT
ALTER TABLE project_variable_audit ADD CONSTRAINT fk_project FOREIGN KEY (project_id) references project (id) ON delete cascade;
ALTER TABLE application_variable_audit ADD CONSTRAINT fk_application FOREIGN KEY (application_id) references application (id) ON delete cascade;
ALTER TABLE environment_variable_audit ADD CONSTRAINT fk_environment FOREIGN KEY (environment_id) references environment (id) ON delete cascade;

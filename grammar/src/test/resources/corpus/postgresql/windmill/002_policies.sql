INSERT INTO usr_to_group
SELECT workspace_id, 'all', username FROM (SELECT workspace_id, username from usr) as usernames
;

DROP POLICY audit_log_see_own on audit;
CREATE POLICY see_own ON audit FOR ALL
USING (audit.username = current_setting('session.user'));

ALTER TABLE queue ENABLE ROW LEVEL SECURITY;

CREATE POLICY see_own ON queue FOR ALL
USING (SPLIT_PART(queue.permissioned_as, '/', 1) = 'u' AND SPLIT_PART(queue.permissioned_as, '/', 2) = current_setting('session.user'));

CREATE POLICY see_member ON queue FOR ALL
USING (SPLIT_PART(queue.permissioned_as, '/', 1) = 'g' AND SPLIT_PART(queue.permissioned_as, '/', 2) = any(regexp_split_to_array(current_setting('session.groups'), ',')::text[]));

ALTER TABLE completed_job ENABLE ROW LEVEL SECURITY;

CREATE POLICY see_starter ON completed_job FOR SELECT
USING (completed_job.workspace_id = 'starter');

CREATE POLICY see_own ON completed_job FOR ALL
USING (SPLIT_PART(completed_job.permissioned_as, '/', 1) = 'u' AND SPLIT_PART(completed_job.permissioned_as, '/', 2) = current_setting('session.user'));

CREATE POLICY schedule ON audit FOR INSERT
WITH CHECK (audit.username LIKE 'schedule-%');

DO
$do$
  DECLARE
    i text;
    arr text[] := array['resource', 'script', 'variable', 'schedule', 'flow'];
  BEGIN
  FOREACH i IN ARRAY arr
  LOOP
    EXECUTE FORMAT(
      $$
        ALTER TABLE %1$I ENABLE ROW LEVEL SECURITY;

        CREATE POLICY see_own ON %1$I FOR ALL
        USING (SPLIT_PART(%1$I.path, '/', 1) = 'u' AND SPLIT_PART(%1$I.path, '/', 2) = current_setting('session.user'));

        ALTER TABLE %1$I
        ADD COLUMN extra_perms JSONB NOT NULL DEFAULT '{}';

        CREATE INDEX %1$I_extra_perms ON %1$I USING GIN (extra_perms);
      $$,
      i
    );
  END LOOP;
  END
$do$;

ALTER TABLE group_
ADD COLUMN extra_perms JSONB NOT NULL DEFAULT '{}';

CREATE INDEX group_extra_perms ON group_ USING GIN (extra_perms);

ALTER TABLE usr_to_group ENABLE ROW LEVEL SECURITY;

CREATE POLICY see_extra_perms_user ON usr_to_group FOR ALL
USING (true)
WITH CHECK (EXISTS(SELECT 1 FROM group_ WHERE usr_to_group.group_ = group_.name AND usr_to_group.workspace_id = group_.workspace_id  AND (group_.extra_perms ->> CONCAT('u/', current_setting('session.user')))::boolean));

CREATE POLICY see_extra_perms_groups ON usr_to_group FOR ALL
USING (true)
WITH CHECK (exists(
    SELECT f.* FROM group_ g, jsonb_each_text(g.extra_perms) f
    WHERE usr_to_group.group_ = g.name AND usr_to_group.workspace_id = g.workspace_id AND SPLIT_PART(key, '/', 1) = 'g'
    AND value::boolean));

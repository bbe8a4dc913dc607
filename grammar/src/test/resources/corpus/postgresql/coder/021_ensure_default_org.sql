-- This ensures a default organization always exists.
INSERT INTO
	organizations(id, name, description, created_at, updated_at, is_default)
SELECT
	gen_random_uuid(),
	'first-organization',
	'Builtin default organization.',
	now(),
	now(),
	true
WHERE
	-- Only insert if no organizations exist.
	NOT EXISTS (SELECT * FROM organizations);

-- revision: 0002_joins
-- revises: 0001_tables
-- message: UPDATE ... FROM, DELETE ... USING, row SET items, aliases

-- +upgrade
UPDATE users AS u SET plan = p.name FROM plans p WHERE p.id = u.plan_id;
UPDATE users u SET (seats, note) = (SELECT p.seats, p.name || '!' FROM plans p WHERE p.id = u.plan_id) WHERE u.id = 2;
UPDATE users SET note = DEFAULT, (plan_id) = ROW(NULL) WHERE id = 1;
DELETE FROM sessions s USING users u WHERE s.user_id = u.id AND u.deleted;
DELETE FROM users AS gone WHERE gone.deleted RETURNING gone.id;

-- +downgrade
UPDATE users SET plan = NULL, seats = NULL;

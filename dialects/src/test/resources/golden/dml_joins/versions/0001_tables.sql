-- revision: 0001_tables
-- revises: base
-- message: plans, users, sessions

-- +upgrade
CREATE TABLE plans (id INTEGER PRIMARY KEY, name TEXT NOT NULL, seats INTEGER NOT NULL);
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER,
    plan TEXT,
    seats INTEGER,
    note TEXT DEFAULT 'none',
    deleted BOOLEAN NOT NULL DEFAULT false
);
CREATE TABLE sessions (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL);
INSERT INTO plans VALUES (1, 'free', 1), (2, 'team', 10);
INSERT INTO users (id, plan_id, note, deleted) VALUES (1, 1, 'x', false), (2, 2, 'y', false), (3, 2, 'z', true);
INSERT INTO sessions VALUES (10, 1), (11, 3), (12, 3);

-- +downgrade
DROP TABLE sessions;
DROP TABLE users;
DROP TABLE plans;

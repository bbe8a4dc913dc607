-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
CREATE TABLE t (name TEXT COLLATE "C" NOT NULL COLLATE "POSIX");
